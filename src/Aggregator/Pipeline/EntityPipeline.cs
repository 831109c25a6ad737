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

    /// <summary>Runs every stage over <paramref name="items"/> in the pass described by <paramref name="context"/>.</summary>
    public PipelineResult Run(IReadOnlyList<EntityItem> items, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var item in items)
        {
            RunEntityStages(item, context);
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
