using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Aggregator.Runs;
using Fedmd.Metadata.Xml;
using Fedmd.Pass.Work;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Writes each planned feed as an unsigned <c>md:EntitiesDescriptor</c> into a file of the pass's work directory, so
/// that no feed is held in memory. The writer streams entities from their bytes (the form the published bytes have
/// always had), and the streaming signer signs that file: nothing is parsed again.
/// An entity the writer cannot copy is marked with <see cref="EntityCopy.Rule"/>, left out of every feed and reported
/// as rejected: it costs itself, never the feed. (The pipeline's last check makes this rare: it finds the same problems
/// before the report is built.)
/// </summary>
public sealed class AssembleStep(long maxEntityBytes) : IPassStep<AggregationOutcome, AssembledFeeds>
{
    /// <inheritdoc />
    public Task<AssembledFeeds> RunAsync(AggregationOutcome input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.RequireWorkDirectory();
        var writer = new AggregateWriter(new SafeXmlLoader(maxEntityBytes));
        var failed = new HashSet<EntityItem>(ReferenceEqualityComparer.Instance);
        var written = input.Feeds.Select(feed => Write(writer, feed, failed, directory)).ToList();
        if (failed.Count == 0)
        {
            return Task.FromResult(new AssembledFeeds(input, written));
        }

        // An entity left out of one feed is left out of all, so that the feeds and the report agree on it. The
        // feeds are written again under the same names.
        foreach (var feed in written)
        {
            File.Delete(feed.UnsignedPath);
        }

        var plans = input.Feeds.Select(f => f with { Entities = f.Entities.Where(e => !failed.Contains(e)).ToList() }).ToList();
        var rewritten = plans.Select(plan => Write(writer, plan, failed, directory)).ToList();
        return Task.FromResult(new AssembledFeeds(Rejecting(input, plans, context), rewritten));
    }

    private static AssembledFeed Write(AggregateWriter writer, FeedPlan feed, HashSet<EntityItem> failed, string directory)
    {
        var path = Path.Combine(directory, feed.Definition.FileName + ".unsigned");
        using (var output = WorkFile.Create(path))
        {
            foreach (var failure in writer.Write(output, feed.Header, feed.Entities))
            {
                if (failed.Add(failure.Entity))
                {
                    failure.Entity.AddError(EntityCopy.Rule, failure.Problem);
                }
            }
        }

        return new AssembledFeed(feed, path);
    }

    // The same verdicts with the left-out entities now rejected, and the report rebuilt from them.
    private static AggregationOutcome Rejecting(AggregationOutcome input, IReadOnlyList<FeedPlan> plans, PassContext context)
    {
        var result = new PipelineResult(input.Result.Items);
        var report = ReportBuilder.Build(input.Report.Kind, input.Report.Generated, input.Report.Registry, result, plans, context.Previous, input.Refused)
            with
        { Sources = input.Report.Sources };
        return new AggregationOutcome(result, plans, report) { Registry = new PipelineResult(input.Registry.Items), Sources = input.Sources, Refused = input.Refused };
    }
}
