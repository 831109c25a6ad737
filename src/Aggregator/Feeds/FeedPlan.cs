using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Sources;

namespace Fedmd.Aggregator.Feeds;

/// <summary>One feed ready to be written: its definition, its root header and its entities in entityID order.</summary>
/// <param name="Definition">The configured feed.</param>
/// <param name="Header">The root's attributes and publication information.</param>
/// <param name="Entities">The selected accepted entities, in ordinal entityID order.</param>
public sealed record FeedPlan(FeedDefinition Definition, AggregateHeader Header, IReadOnlyList<EntityItem> Entities)
{
    /// <summary>The status of each remote source the feed imports, for the guard rails and the report.</summary>
    public IReadOnlyList<SourceStatus> Sources { get; init; } = [];

    /// <summary>The entity whose validUntil limits the feed's, when one does.</summary>
    public EntityItem? LimitingEntity => Entities
        .Where(e => e.Summary?.ValidUntil is not null)
        .MinBy(e => e.Summary!.ValidUntil);
}
