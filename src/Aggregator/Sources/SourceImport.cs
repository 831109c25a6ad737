using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Sources;

/// <summary>One source as a run imports it: its status, the entities that passed its filters, and those that did not.</summary>
/// <param name="Status">Which copy was used and why.</param>
/// <param name="Items">The entities to validate, each a standalone entity document; empty when unavailable.</param>
/// <param name="Filtered">Entities the source's filters left out.</param>
public sealed record SourceImport(SourceStatus Status, IReadOnlyList<EntityItem> Items, IReadOnlyList<FilteredEntity> Filtered)
{
    /// <summary>The imported entities that passed validation.</summary>
    public IReadOnlyList<EntityItem> Accepted => Items.Where(i => !i.HasErrors).ToList();
}
