using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Runs;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.State;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Selects each feed's entities, fixes its header and checks the guard rails. A refusal keeps the report in the state
/// (the web root, and so the previous publication and its report, stay untouched) and stops the pass.
/// </summary>
public sealed class PlanFeedsStep(Aggregation aggregation, IRefusedReportStore refused) : IPassStep<Judged, AggregationOutcome>
{
    /// <summary>The report's kind for a publication pass.</summary>
    public const string Kind = "run";

    /// <inheritdoc />
    /// <exception cref="FedmdException">A guard rail refused publication (exit 1).</exception>
    public Task<AggregationOutcome> RunAsync(Judged input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = aggregation.Plan(Kind, input.Registry, input.Judgement, context);
        if (outcome.IsRefused)
        {
            var report = refused.Write(outcome.Report);
            throw new FedmdException(FailureKind.InvalidDocument,
                $"refusing to publish: {string.Join("; ", outcome.Report.Refusals)} (the previous publication is untouched; report in {report})");
        }

        return Task.FromResult(outcome);
    }
}
