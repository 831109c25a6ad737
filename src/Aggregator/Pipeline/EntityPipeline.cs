using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// Runs the stages: each entity is parsed and passed through the per-entity stages on its own (its DOM dropped
/// afterwards), then the registry stages run over the summaries. A stage that fails on one entity marks that
/// entity; the run goes on.
/// </summary>
public sealed class EntityPipeline(EntityParser parser, IReadOnlyList<IEntityStage> entityStages, IReadOnlyList<IRegistryStage> registryStages)
{
    /// <summary>Rule: a stage failed unexpectedly on this entity.</summary>
    public const string StageFailureRule = "pipeline.stage-failure";

    /// <summary>Runs every stage over <paramref name="items"/>.</summary>
    public PipelineResult Run(IReadOnlyList<EntityItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            RunEntityStages(item);
        }

        foreach (var stage in registryStages)
        {
            stage.Apply(items);
        }

        return new PipelineResult(items);
    }

    private void RunEntityStages(EntityItem item)
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
                stage.Apply(item, document);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                item.AddError(StageFailureRule, $"{stage.GetType().Name} failed on this entity: {e.Message}");
            }
        }

        item.Update(XmlDocumentBytes.ToUtf8(document), EntitySummary.FromDocument(document));
    }
}
