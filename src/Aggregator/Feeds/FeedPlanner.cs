using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Feeds;

/// <summary>
/// Selects each feed's entities from the accepted ones (working on summaries only) and fixes its header: validUntil is
/// the earlier of now + ValidFor and the earliest validUntil of any selected entity.
/// </summary>
public sealed class FeedPlanner(IReadOnlyList<FeedDefinition> feeds, AggregateShape shape)
{
    /// <summary>Plans every feed over the accepted entities.</summary>
    public IReadOnlyList<FeedPlan> Plan(IReadOnlyList<EntityItem> accepted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return feeds.Select(feed =>
        {
            var entities = accepted.Where(e => e.Summary is not null && feed.Selection.Selects(e.Summary))
                .OrderBy(e => e.Summary!.EntityId, StringComparer.Ordinal)
                .ToList();
            var validUntil = entities.Select(e => e.Summary!.ValidUntil)
                .Append((DateTimeOffset?)(now + shape.ValidFor))
                .Min()!.Value;
            var header = new AggregateHeader(feed.Name, AggregateHeader.NewId(), validUntil, shape.CacheDuration, shape.Publisher, now);
            return new FeedPlan(feed, header, entities);
        }).ToList();
    }
}
