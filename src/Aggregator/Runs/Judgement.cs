using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Sources;

namespace Fedmd.Aggregator.Runs;

/// <summary>The pipelines' verdicts over one pass's entities, after the registry's precedence over imported copies.</summary>
/// <param name="Registry">The registry's own items.</param>
/// <param name="All">The registry's items followed by every imported source's.</param>
/// <param name="Sources">The imported sources, whose items are part of <paramref name="All"/>.</param>
public sealed record Judgement(PipelineResult Registry, PipelineResult All, IReadOnlyList<SourceImport> Sources);
