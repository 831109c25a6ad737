namespace Fedmd.Aggregator.Pipeline;

/// <summary>A stage that needs every entity at once (duplicates, counts); it works on summaries, never DOMs.</summary>
public interface IRegistryStage
{
    /// <summary>Checks the items together, marking those that fail.</summary>
    void Apply(IReadOnlyList<EntityItem> items, PassContext context);
}
