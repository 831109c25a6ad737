namespace Fedmd.Aggregator.Reporting;

/// <summary>One entity in a feed.</summary>
/// <param name="EntityId">The entityID.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the entity's bytes as aggregated.</param>
public sealed record FeedEntry(string EntityId, string Sha256);
