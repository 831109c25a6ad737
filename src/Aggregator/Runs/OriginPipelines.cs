using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// The pipeline per origin of an entity: the registry's runs the registration profile and gets the federation's
/// registration (participant RegistrationInfo removed, ours injected); imported entities run the import profile, or
/// their source's own version of it, and keep their home federation's registration.
/// </summary>
/// <param name="Registry">For the entities of the federation's own registry.</param>
/// <param name="Imported">For the entities of a remote source that changes no rule.</param>
public sealed record OriginPipelines(EntityPipeline Registry, EntityPipeline Imported)
{
    /// <summary>The pipelines of the sources that change rules (<c>Sources[].Rules</c>), by source name.</summary>
    public IReadOnlyDictionary<string, EntityPipeline> BySource { get; init; } = new Dictionary<string, EntityPipeline>();

    /// <summary>The pipeline for the entities of the source named <paramref name="source"/>.</summary>
    public EntityPipeline ForSource(string source) => BySource.TryGetValue(source, out var pipeline) ? pipeline : Imported;
}
