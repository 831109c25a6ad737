using Fedmd.Metadata.Values;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// Consumers refresh a feed within its cacheDuration, so a certificate published for twice that long (and never less
/// than <c>Rollover:MinimumOverlap</c>) has reached everyone who fetches on time. The time is read from the
/// publications themselves: the run of newest publications in which every feed carrying the entity carried the
/// certificate, back to the first of them.
/// </summary>
public static class OverlapRule
{
    /// <summary>Evaluates the overlap of <paramref name="certificate"/> over <paramref name="newestFirst"/>.</summary>
    public static OverlapFinding Evaluate(IReadOnlyList<PublishedVersion> newestFirst, CertificateFingerprint certificate, TimeSpan minimumOverlap)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        DateTimeOffset? since = null;
        TimeSpan? longest = null;
        var reachesOldest = true;
        foreach (var version in newestFirst)
        {
            if (version.Carrying.Count == 0 || !version.Carrying.All(f => f.Certificates.Contains(certificate)))
            {
                reachesOldest = false;
                break;
            }

            since = version.PublishedAt;
            foreach (var cache in version.Carrying.Select(f => f.CacheDuration).OfType<TimeSpan>())
            {
                longest = longest is null || cache > longest ? cache : longest;
            }
        }

        var required = longest is { } c && 2 * c > minimumOverlap ? 2 * c : minimumOverlap;
        return new OverlapFinding(since, required, longest, since is not null && reachesOldest);
    }
}
