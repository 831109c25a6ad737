using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Sources;

namespace Fedmd.Pass;

/// <summary>What a pass collected: the registry's entity files and every imported source.</summary>
/// <param name="Registry">The registry directory or file, for the report.</param>
/// <param name="Items">The registry's items.</param>
/// <param name="Sources">The imported sources, in configuration order.</param>
public sealed record Collected(string Registry, IReadOnlyList<EntityItem> Items, IReadOnlyList<SourceImport> Sources);
