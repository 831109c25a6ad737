using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Reporting;

namespace Fedmd.Aggregator.Guards;

/// <summary>
/// A guard rail checked before anything is signed: it looks at a planned feed and the previous publication of the
/// same file and says why the feed must not be published, or null when it may.
/// </summary>
public interface IFeedGuard
{
    /// <summary>The reason to refuse, or null.</summary>
    string? Refusal(FeedPlan plan, FeedReport? previous, DateTimeOffset now);
}
