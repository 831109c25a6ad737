namespace Fedmd.Aggregator.Sources;

/// <summary>What a run knows about one remote source: which copy it used, until when, and why it fell back.</summary>
/// <param name="Name">The source's configured name.</param>
/// <param name="Url">Where it is fetched from.</param>
/// <param name="State">Which copy is used.</param>
/// <param name="ValidUntil">validUntil of the copy used; null when none is usable.</param>
/// <param name="Failure">Why the fetch (and, when unavailable, the kept copy) failed; null after a good fetch.</param>
public sealed record SourceStatus(string Name, Uri Url, SourceState State, DateTimeOffset? ValidUntil, string? Failure)
{
    /// <summary>Whether the run has a verified, unexpired copy of the source.</summary>
    public bool IsUsable => State != SourceState.Unavailable;
}
