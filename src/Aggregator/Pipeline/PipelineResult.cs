namespace Fedmd.Aggregator.Pipeline;

/// <summary>Every item after the pipeline ran, split into what may be published and what was excluded.</summary>
public sealed class PipelineResult(IReadOnlyList<EntityItem> items)
{
    /// <summary>All items, in input order.</summary>
    public IReadOnlyList<EntityItem> Items { get; } = items;

    /// <summary>Items without errors: the entities every feed selects from.</summary>
    public IReadOnlyList<EntityItem> Accepted { get; } = items.Where(i => !i.HasErrors).ToList();

    /// <summary>Items with at least one error: excluded, each with its reasons.</summary>
    public IReadOnlyList<EntityItem> Rejected { get; } = items.Where(i => i.HasErrors).ToList();
}
