using Fedmd.Aggregator.Runs;

namespace Fedmd.Pass;

/// <summary>The pipelines' verdicts over a collection.</summary>
/// <param name="Registry">The registry directory or file, for the report.</param>
/// <param name="Judgement">Every item judged, the registry's own apart.</param>
public sealed record Judged(string Registry, Judgement Judgement);
