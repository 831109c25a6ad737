using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Aggregator.Sources;

namespace Fedmd.Aggregator.Runs;

/// <summary>The result of an aggregation: the pipeline's verdicts, the planned feeds and the report.</summary>
/// <param name="Result">Every item, accepted or rejected.</param>
/// <param name="Feeds">The planned feeds the guard rails let through, in configuration order: what the pass signs.</param>
/// <param name="Report">The report, including any refusal.</param>
public sealed record AggregationOutcome(PipelineResult Result, IReadOnlyList<FeedPlan> Feeds, RunReport Report)
{
    /// <summary>The registry's own items (also part of <see cref="Result"/>), without the imported ones.</summary>
    public PipelineResult Registry { get; init; } = Result;

    /// <summary>The imported sources, whose items are part of <see cref="Result"/>.</summary>
    public IReadOnlyList<SourceImport> Sources { get; init; } = [];

    /// <summary>The feeds a guard rail refused, in configuration order; each keeps its previous publication.</summary>
    public IReadOnlyList<FeedRefusal> Refused { get; init; } = [];

    /// <summary>Whether the guard rails refused every feed, so that nothing can be published.</summary>
    public bool RefusesEverything => Refused.Count > 0 && Feeds.Count == 0;
}
