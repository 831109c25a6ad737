using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Reporting;

namespace Fedmd.Aggregator.Guards;

/// <summary>A feed without any accepted entity is never published: it would silently remove the whole federation.</summary>
public sealed class EmptyFeedGuard : IFeedGuard
{
    /// <inheritdoc />
    public string? Refusal(FeedPlan plan, FeedReport? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Entities.Count == 0
            ? $"feed {plan.Definition.FileName} would hold no accepted entity; check the registry and the feed's selection"
            : null;
    }
}
