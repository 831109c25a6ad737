using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Stages;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Xml;

namespace Fedmd.Cli.Composition;

/// <summary>The aggregator's stages, in the order they run, as configured.</summary>
public static class AggregatorComponents
{
    /// <summary>Builds the entity pipeline.</summary>
    public static EntityPipeline CreatePipeline(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loader = new SafeXmlLoader(options.Registry.MaxEntityBytes);
        IEntityStage[] entityStages =
        [
            new EntityIdCheck(),
        ];
        IRegistryStage[] registryStages =
        [
            new DuplicateEntityIdCheck(options.Registry.DuplicateFirstWins),
        ];
        return new EntityPipeline(new EntityParser(loader), entityStages, registryStages);
    }
}
