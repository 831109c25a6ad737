using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Runs;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.State;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Selects each feed's entities, fixes its header and checks the guard rails. A refused feed is left out and the
/// others go on (its previous publication is carried by the publish step). When every feed is refused, nothing can
/// be published: the report is kept in the state, the web root stays untouched and the pass stops.
/// </summary>
public sealed class PlanFeedsStep(Aggregation aggregation, IRefusedReportStore refused) : IPassStep<Judged, AggregationOutcome>
{
    /// <summary>The report's kind for a publication pass.</summary>
    public const string Kind = "run";

    /// <inheritdoc />
    /// <exception cref="FedmdException">The guard rails refused every feed (exit 1).</exception>
    public Task<AggregationOutcome> RunAsync(Judged input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = aggregation.Plan(Kind, input.Registry, input.Judgement, context);
        if (outcome.RefusesEverything)
        {
            var report = refused.Write(outcome.Report);
            throw new FedmdException(FailureKind.InvalidDocument,
                $"refusing to publish: {string.Join("; ", outcome.Report.Refusals)} (the previous publication is untouched; report in {report})");
        }

        return Task.FromResult(outcome);
    }
}
