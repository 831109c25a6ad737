using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Aggregator.Sources;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// Everything before signing: run the pipelines over the registry's items and each imported source's items, give the
/// registry precedence over imported copies, plan the feeds, check the guard rails and build the report. It writes
/// nothing; the caller signs and publishes, or reports the refusal.
/// </summary>
public sealed class Aggregation(OriginPipelines pipelines, FeedPlanner planner, IReadOnlyList<IFeedGuard> guards)
{
    /// <summary>Runs the aggregation.</summary>
    /// <param name="kind"><c>run</c> or <c>check</c>, recorded in the report.</param>
    /// <param name="registry">The registry directory or file, for the report.</param>
    /// <param name="items">The registry's items.</param>
    /// <param name="previous">The previous publication's report, or null.</param>
    /// <param name="now">The run's moment.</param>
    /// <param name="sources">The imported remote sources, in configuration order; none for a registry-only run.</param>
    public AggregationOutcome Run(string kind, string registry, IReadOnlyList<EntityItem> items, RunReport? previous, DateTimeOffset now, IReadOnlyList<SourceImport>? sources = null)
    {
        sources ??= [];
        var registryResult = pipelines.Registry.Run(items);
        foreach (var source in sources)
        {
            // One run per source: duplicates are judged within a source here, across origins by SourcePrecedence.
            pipelines.Imported.Run(source.Items);
        }

        SourcePrecedence.Apply(registryResult.Items, sources);
        var result = new PipelineResult([.. registryResult.Items, .. sources.SelectMany(s => s.Items)]);
        var feeds = planner.Plan(registryResult.Accepted, sources, now);
        var refusals = new List<string>();
        foreach (var feed in feeds)
        {
            var before = previous?.Feeds.FirstOrDefault(f => f.FileName == feed.Definition.FileName);
            refusals.AddRange(guards.Select(g => g.Refusal(feed, before, now)).OfType<string>());
        }

        var report = ReportBuilder.Build(kind, now, registry, result, feeds, previous, refusals.Distinct().ToList())
            with { Sources = sources.Select(SourceReport.From).ToList() };
        return new AggregationOutcome(result, feeds, report) { Registry = registryResult, Sources = sources };
    }
}
