using Fedmd.Aggregator.Pipeline;
using Fedmd.Pass.State;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Records the first-seen instant of every registry entity about to be published, before it is published, so that
/// every published registrationInstant is in the ledger. Imported entities keep their home federation's registration
/// and stay out of ours.
/// </summary>
public sealed class RegisterStep(ILedgerStore ledger) : IPassStep<SignedFeeds, SignedFeeds>
{
    /// <inheritdoc />
    public Task<SignedFeeds> RunAsync(SignedFeeds input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var aggregation = input.Aggregation;
        var registered = aggregation.Feeds.SelectMany(f => f.Entities).Intersect(aggregation.Registry.Accepted).Select(i => i.Summary!.EntityId);
        ledger.Write(context.Ledger.WithFirstSeen(registered, context.Now));
        return Task.FromResult(input);
    }
}
