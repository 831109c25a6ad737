using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// Everything before signing: run the pipeline over the registry's items, plan the feeds, check the guard rails and
/// build the report. It writes nothing; the caller signs and publishes, or reports the refusal.
/// </summary>
public sealed class Aggregation(EntityPipeline pipeline, FeedPlanner planner, IReadOnlyList<IFeedGuard> guards)
{
    /// <summary>Runs the aggregation.</summary>
    /// <param name="kind"><c>run</c> or <c>check</c>, recorded in the report.</param>
    /// <param name="registry">The registry directory or file, for the report.</param>
    /// <param name="items">The registry's items.</param>
    /// <param name="previous">The previous publication's report, or null.</param>
    /// <param name="now">The run's moment.</param>
    public AggregationOutcome Run(string kind, string registry, IReadOnlyList<EntityItem> items, RunReport? previous, DateTimeOffset now)
    {
        var result = pipeline.Run(items);
        var feeds = planner.Plan(result.Accepted, now);
        var refusals = new List<string>();
        foreach (var feed in feeds)
        {
            var before = previous?.Feeds.FirstOrDefault(f => f.FileName == feed.Definition.FileName);
            refusals.AddRange(guards.Select(g => g.Refusal(feed, before, now)).OfType<string>());
        }

        return new AggregationOutcome(result, feeds, ReportBuilder.Build(kind, now, registry, result, feeds, previous, refusals.Distinct().ToList()));
    }
}
