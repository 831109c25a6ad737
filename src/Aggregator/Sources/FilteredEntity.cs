namespace Fedmd.Aggregator.Sources;

/// <summary>An entity of a source that the source's filters left out (not a validation failure).</summary>
/// <param name="EntityId">The entityID.</param>
/// <param name="Reason">Which filter removed it, e.g. <see cref="SourceFilter.BlockedReason"/>.</param>
public sealed record FilteredEntity(string EntityId, string Reason);
