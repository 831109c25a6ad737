using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Sources;

namespace Fedmd.Aggregator.Feeds;

/// <summary>
/// Selects each feed's entities from the accepted ones (working on summaries only) and fixes its header: validUntil is
/// the earlier of now + ValidFor and the earliest validUntil of any selected entity or imported source: a feed never
/// outlives a source it imports, even when none of that source's entities is selected.
/// </summary>
public sealed class FeedPlanner(IReadOnlyList<FeedDefinition> feeds, AggregateShape shape)
{
    /// <summary>Plans every feed over the registry's accepted entities alone.</summary>
    public IReadOnlyList<FeedPlan> Plan(IReadOnlyList<EntityItem> accepted, DateTimeOffset now) => Plan(accepted, [], now);

    /// <summary>Plans every feed over the registry's accepted entities and those of the sources each feed imports.</summary>
    public IReadOnlyList<FeedPlan> Plan(IReadOnlyList<EntityItem> accepted, IReadOnlyList<SourceImport> sources, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(sources);
        return feeds.Select(feed =>
        {
            var imported = sources.Where(s => feed.Sources.Contains(s.Status.Name, StringComparer.Ordinal)).ToList();
            var entities = accepted.Concat(imported.SelectMany(s => s.Accepted))
                .Where(e => e.Summary is not null && feed.Selection.Selects(e.Summary))
                .OrderBy(e => e.Summary!.EntityId, StringComparer.Ordinal)
                .ToList();
            var validUntil = entities.Select(e => e.Summary!.ValidUntil)
                .Concat(imported.Select(s => s.Status.ValidUntil))
                .Append((DateTimeOffset?)(now + shape.ValidFor))
                .Min()!.Value;
            var header = new AggregateHeader(feed.Name, AggregateHeader.NewId(), validUntil, shape.CacheDuration, shape.Publisher, now);
            return new FeedPlan(feed, header, entities) { Sources = imported.Select(s => s.Status).ToList() };
        }).ToList();
    }
}
