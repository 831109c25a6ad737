using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// The pipeline per origin of an entity. Both run the same checks; only the registry's entities get the federation's
/// registration (participant RegistrationInfo removed, ours injected), while imported entities keep their home
/// federation's.
/// </summary>
/// <param name="Registry">For the entities of the federation's own registry.</param>
/// <param name="Imported">For the entities of one remote source.</param>
public sealed record OriginPipelines(EntityPipeline Registry, EntityPipeline Imported);
