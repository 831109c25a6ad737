using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Values;

namespace Fedmd.Aggregator.Guards;

/// <summary>
/// A feed may not include a source that is past its own validUntil: the feed's validUntil is the earliest of its
/// sources', so it would be published already expired and every consumer would reject it. (An imported entity past
/// only its own validUntil never gets here: the importer leaves it out alone.)
/// </summary>
public sealed class ExpiredSourceGuard : IFeedGuard
{
    /// <inheritdoc />
    public string? Refusal(FeedPlan plan, FeedReport? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Header.ValidUntil <= now && plan.LimitingEntity is { } source
            ? $"feed {plan.Definition.FileName} includes {source.Source} ({source.DisplayName}), whose validUntil {XsDateTime.Format(source.Summary!.ValidUntil!.Value)} has passed: the source's copy has expired; find out why it is not refreshed (its Url and pinned keys under Sources) or remove the source from the feed's Sources"
            : null;
    }
}
