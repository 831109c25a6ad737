using Fedmd.Aggregator.Feeds;

namespace Fedmd.Aggregator.Guards;

/// <summary>
/// A feed the guard rails refused in this pass: it is not signed, and its previous publication stays served (while
/// still valid) beside the feeds that were published.
/// </summary>
/// <param name="Plan">The refused plan: what the feed would have held.</param>
/// <param name="Reasons">Every guard rail's reason, each naming the feed and the fix.</param>
public sealed record FeedRefusal(FeedPlan Plan, IReadOnlyList<string> Reasons)
{
    /// <summary>The feed's file name in the web root.</summary>
    public string FileName => Plan.Definition.FileName;

    /// <summary>The reasons as one line.</summary>
    public string Reason => string.Join("; ", Reasons);
}
