namespace Fedmd.KeyLifecycle.Saml;

/// <summary>How long the new certificate has been published, and from when the hub may switch to it.</summary>
/// <param name="Since">Since when every publication, up to the newest, carried it in every feed carrying the entity; null when the newest does not.</param>
/// <param name="Required">max(2 × the longest cacheDuration of those feeds, <c>Rollover:MinimumOverlap</c>).</param>
/// <param name="LongestCacheDuration">The longest cacheDuration seen, when any feed had one.</param>
/// <param name="ReachesOldest">
/// Whether the run goes back to the oldest publication the history still keeps, so that the certificate may have been
/// published before <paramref name="Since"/> in versions already pruned.
/// </param>
public sealed record OverlapFinding(DateTimeOffset? Since, TimeSpan Required, TimeSpan? LongestCacheDuration, bool ReachesOldest = false)
{
    /// <summary>The earliest moment the switch is allowed; null until the certificate is published.</summary>
    public DateTimeOffset? EarliestAllowed => Since + Required;

    /// <summary>Whether the switch is allowed at <paramref name="now"/>.</summary>
    public bool AllowsAt(DateTimeOffset now) => EarliestAllowed is { } earliest && earliest <= now;
}
