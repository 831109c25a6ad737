using System.Collections.Concurrent;
using System.Xml;
using Fedmd.Aggregator.Assembly;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// Runs the stages: each entity is parsed and passed through the per-entity stages on its own (its DOM dropped
/// afterwards), then the registry stages run over the summaries. A stage that fails on one entity marks that
/// entity; the run goes on. It holds no per-pass state: one pipeline serves every pass of the process.
/// </summary>
/// <param name="parser">Turns each item's bytes into its DOM.</param>
/// <param name="entityStages">The checks and transformations of each entity's DOM, in order.</param>
/// <param name="registryStages">The stages over every entity's summary, after all are judged.</param>
/// <param name="publishedChecks">The checks of each entity's bytes as serialised once after its DOM stages.</param>
public sealed class EntityPipeline(
    EntityParser parser,
    IReadOnlyList<IEntityStage> entityStages,
    IReadOnlyList<IRegistryStage> registryStages,
    IReadOnlyList<IPublishedEntityCheck>? publishedChecks = null)
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

        byte[] published;
        try
        {
            published = XmlDocumentBytes.ToUtf8(document);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or XmlException)
        {
            // A transformation left what XML cannot carry (e.g. a control character): the entity cannot be copied
            // into an aggregate, and costs only itself.
            item.AddError(EntityCopy.Rule, $"the entity cannot be written out as XML after its stages: {e.Message}");
            return;
        }

        item.Update(published, EntitySummary.FromDocument(document));
        foreach (var check in publishedChecks ?? [])
        {
            try
            {
                check.Apply(item, published, context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                item.AddError(StageFailureRule, $"{check.GetType().Name} failed on this entity: {e.Message}");
            }
        }
    }
}
