using System.Collections.Concurrent;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// Runs the stages: each entity is parsed and passed through the per-entity stages on its own (its DOM dropped
/// afterwards), then the registry stages run over the summaries. A stage that fails on one entity marks that
/// entity; the run goes on. It holds no per-pass state: one pipeline serves every pass of the process.
/// </summary>
public sealed class EntityPipeline(EntityParser parser, IReadOnlyList<IEntityStage> entityStages, IReadOnlyList<IRegistryStage> registryStages)
{
    /// <summary>Rule: a stage failed unexpectedly on this entity.</summary>
    public const string StageFailureRule = "pipeline.stage-failure";

    /// <summary>
    /// Runs every stage over <paramref name="items"/> in the pass described by <paramref name="context"/>, judging
    /// entities on every core.
    /// </summary>
    public PipelineResult Run(IReadOnlyList<EntityItem> items, PassContext context) => Run(items, context, Environment.ProcessorCount);

    /// <summary>
    /// Runs every stage with at most <paramref name="maxParallelism"/> entities judged at once (1: one after the
    /// other). The result does not depend on it: an entity's stages run in order on one thread and touch only that
    /// entity, the items keep their order, and the registry stages run after every entity is judged.
    /// </summary>
    public PipelineResult Run(IReadOnlyList<EntityItem> items, PassContext context, int maxParallelism)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        if (maxParallelism == 1 || items.Count < 2)
        {
            foreach (var item in items)
            {
                RunEntityStages(item, context);
            }
        }
        else
        {
            // Ranges of items rather than single ones: entities are small, and per-item scheduling would cost more
            // than it spreads.
            var ranges = Partitioner.Create(0, items.Count, Math.Max(1, items.Count / (maxParallelism * 8)));
            Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    RunEntityStages(items[i], context);
                }
            });
        }

        foreach (var stage in registryStages)
        {
            stage.Apply(items, context);
        }

        return new PipelineResult(items);
    }

    private void RunEntityStages(EntityItem item, PassContext context)
    {
        // An item the registry already refused (e.g. too large to read) has no bytes worth parsing.
        var document = item.HasErrors ? null : parser.Parse(item);
        if (document is null)
        {
            return;
        }

        foreach (var stage in entityStages)
        {
            try
            {
                stage.Apply(item, document, context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                item.AddError(StageFailureRule, $"{stage.GetType().Name} failed on this entity: {e.Message}");
            }
        }

        item.Update(XmlDocumentBytes.ToUtf8(document), EntitySummary.FromDocument(document));
    }
}
