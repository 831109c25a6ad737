using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Assembly;

/// <summary>An entity the aggregate writer left out because its bytes could not be copied.</summary>
/// <param name="Entity">The entity, with its source file or URL.</param>
/// <param name="Problem">Why it could not be copied.</param>
public sealed record EntityAssemblyFailure(EntityItem Entity, string Problem);
