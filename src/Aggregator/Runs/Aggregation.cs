using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Aggregator.Sources;
using Fedmd.Aggregator.Stages;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// Everything before assembly, in two halves a pass runs as separate steps: <see cref="Judge"/> runs the pipelines over
/// the registry's items and each imported source's items and gives the registry precedence over imported copies;
/// <see cref="Plan"/> plans the feeds, checks the guard rails and builds the report. It writes nothing, and holds
/// nothing of any one pass: built once, it serves every pass of the process.
/// </summary>
public sealed class Aggregation(OriginPipelines pipelines, FeedPlanner planner, IReadOnlyList<IFeedGuard> guards)
{
    /// <summary>Both halves at once (<c>fedmd check</c>, tests).</summary>
    /// <param name="kind"><c>run</c> or <c>check</c>, recorded in the report.</param>
    /// <param name="registry">The registry directory or file, for the report.</param>
    /// <param name="items">The registry's items.</param>
    /// <param name="context">The pass: its moment, the ledger and the previous publication's report.</param>
    /// <param name="sources">The imported remote sources, in configuration order; none for a registry-only run.</param>
    public AggregationOutcome Run(string kind, string registry, IReadOnlyList<EntityItem> items, PassContext context, IReadOnlyList<SourceImport>? sources = null) =>
        Plan(kind, registry, Judge(items, sources ?? [], context), context);

    /// <summary>Runs the pipelines over the registry's and the sources' items; the registry wins over imported copies.</summary>
    public Judgement Judge(IReadOnlyList<EntityItem> items, IReadOnlyList<SourceImport> sources, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var registryResult = pipelines.Registry.Run(items, context);
        foreach (var source in sources)
        {
            // One run per source: duplicates are judged within a source here, across origins by SourcePrecedence.
            pipelines.ForSource(source.Status.Name).Run(source.Items, context);
        }

        SourcePrecedence.Apply(registryResult.Items, sources);
        foreach (var source in sources)
        {
            new NearDuplicateEntityIdCheck(Severity.Warning).ApplyAgainst(registryResult.Items, source.Items);
        }

        return new Judgement(registryResult, new PipelineResult([.. registryResult.Items, .. sources.SelectMany(s => s.Items)]), sources);
    }

    /// <summary>
    /// Plans the feeds over the accepted entities and checks each against the guard rails: a refused feed is left out
    /// of the publishable ones (its previous publication stays), the others go on. Builds the report over both.
    /// </summary>
    public AggregationOutcome Plan(string kind, string registry, Judgement judgement, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now;
        var feeds = planner.Plan(judgement.Registry.Accepted, judgement.Sources, now);
        var publishable = new List<FeedPlan>();
        var refused = new List<FeedRefusal>();
        foreach (var feed in feeds)
        {
            var before = context.Previous?.Feeds.FirstOrDefault(f => f.FileName == feed.Definition.FileName);
            var reasons = guards.Select(g => g.Refusal(feed, before, now)).OfType<string>().Distinct().ToList();
            if (reasons.Count == 0)
            {
                publishable.Add(feed);
            }
            else
            {
                refused.Add(new FeedRefusal(feed, reasons));
            }
        }

        var report = ReportBuilder.Build(kind, now, registry, judgement.All, feeds, context.Previous, refused)
            with
        { Sources = judgement.Sources.Select(SourceReport.From).ToList() };
        return new AggregationOutcome(judgement.All, publishable, report) { Registry = judgement.Registry, Sources = judgement.Sources, Refused = refused };
    }
}
