using Fedmd.Aggregator.Pipeline;
using Fedmd.Pass.State;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Records what a publication leaves for the next pass: the published report as the drop guard's baseline (a refused
/// feed's entry in it is its previous publication's, so its baseline stays the old one)
/// and, for the scheduled service, the moment of the last successful pass. (History is kept by the web root target.)
/// </summary>
public sealed class RecordStep(IBaselineStore baseline, ILastPassStore lastPass, bool remembersLastPass) : IPassStep<Publication, PassOutcome>
{
    /// <inheritdoc />
    public Task<PassOutcome> RunAsync(Publication input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var aggregation = input.Feeds.Aggregation;
        baseline.Write(aggregation.Report);
        if (remembersLastPass)
        {
            lastPass.Write(context.Now);
        }

        return Task.FromResult(new PassOutcome(
            aggregation.Result.Accepted,
            aggregation.Result.Rejected,
            aggregation.Result.Accepted.Where(i => i.Messages.Count > 0).ToList(),
            input.Feeds.Certificate.Sha256,
            input.Run.WrittenPaths,
            input.Feeds.Feeds,
            input.Run.Targets,
            context.Now)
        {
            Refused = aggregation.Report.Feeds.Where(f => f.Refusal is not null).ToList(),
        });
    }
}
