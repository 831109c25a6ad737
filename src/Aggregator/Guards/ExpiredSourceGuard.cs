using Fedmd.Metadata.Values;
using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Reporting;

namespace Fedmd.Aggregator.Guards;

/// <summary>
/// A feed may not include a source that is past its own validUntil: the feed's validUntil is the earliest of its
/// sources', so it would be published already expired and every consumer would reject it.
/// </summary>
public sealed class ExpiredSourceGuard : IFeedGuard
{
    /// <inheritdoc />
    public string? Refusal(FeedPlan plan, FeedReport? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Header.ValidUntil <= now && plan.LimitingEntity is { } source
            ? $"feed {plan.Definition.FileName} includes {source.Source} ({source.DisplayName}), whose validUntil {XsDateTime.Format(source.Summary!.ValidUntil!.Value)} has passed; ask the participant for fresh metadata or remove the validUntil"
            : null;
    }
}
