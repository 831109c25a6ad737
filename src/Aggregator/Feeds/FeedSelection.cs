using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Values;

namespace Fedmd.Aggregator.Feeds;

/// <summary>
/// Which accepted entities a feed carries. Each kind of criterion that is set must match (role AND attribute AND
/// entityID list); within a kind, any listed value matches. An empty selection takes every accepted entity.
/// </summary>
/// <param name="Roles">Role descriptor local names, e.g. <c>IDPSSODescriptor</c>; empty for any.</param>
/// <param name="EntityAttributes">Entity attribute name and value pairs, e.g. an entity category; empty for any.</param>
/// <param name="EntityIds">Explicit entityIDs; empty for any.</param>
public sealed record FeedSelection(
    IReadOnlySet<string> Roles,
    IReadOnlyList<KeyValuePair<string, string>> EntityAttributes,
    IReadOnlySet<EntityId> EntityIds)
{
    /// <summary>The selection that takes every accepted entity.</summary>
    public static FeedSelection All { get; } = new(new HashSet<string>(), [], new HashSet<EntityId>());

    /// <summary>Whether the entity belongs in the feed.</summary>
    public bool Selects(EntitySummary entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return (Roles.Count == 0 || Roles.Overlaps(entity.Roles))
            && (EntityAttributes.Count == 0 || EntityAttributes.Any(a => entity.EntityAttributes.TryGetValue(a.Key, out var values) && values.Contains(a.Value)))
            && (EntityIds.Count == 0 || (EntityId.TryCreate(entity.EntityId, out var id, out _) && EntityIds.Contains(id!)));
    }
}
