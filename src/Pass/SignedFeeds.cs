using Fedmd.Aggregator.Runs;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass;

/// <summary>Every feed signed, with the certificate that verifies them.</summary>
/// <param name="Aggregation">The verdicts, plans and report the feeds came from.</param>
/// <param name="Feeds">The signed feeds, in configuration order.</param>
/// <param name="Certificate">The signing certificate.</param>
public sealed record SignedFeeds(AggregationOutcome Aggregation, IReadOnlyList<SignedFeed> Feeds, SigningCertificateInfo Certificate)
{
    /// <summary>The same feeds signed by the announced next key, or null when no rollover is announced.</summary>
    public NextKeyFeeds? NextKey { get; init; }
}
