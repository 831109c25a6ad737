using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.State;
using Fedmd.Pass.Steps;
using Fedmd.Pass.Work;

namespace Fedmd.Pass;

/// <summary>
/// One full pass: collect → judge → plan feeds → assemble → sign → register → publish → record. Nothing is published
/// unless every step before succeeded; a refusal leaves the web root untouched. Built once per process (the service
/// runs it every hour); each run takes the pass lock and reads its own moment, ledger and baseline. Entity bytes and
/// feeds live in the pass's work directory, removed when it ends, so that memory does not grow with the registry.
/// </summary>
public sealed class PublicationPass(PassSteps steps, PassSettings settings, IPassLock passLock, ILedgerStore ledger, IBaselineStore baseline, TimeProvider clock)
{
    /// <summary>Runs one pass.</summary>
    /// <exception cref="FedmdException">The pass refused to publish or failed; the previous publication is untouched.</exception>
    public async Task<PassOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var held = passLock.Acquire();
        using var work = PassWorkDirectory.Open(settings.WorkDirectory ?? Path.GetTempPath());
        var context = new PassContext(clock.GetUtcNow(), ledger.Read(), PassBaseline.Read(baseline, settings.PublishDirectory)) { Spool = work.Spool, WorkDirectory = work.Path };
        var collected = await steps.Collect.RunAsync(settings.EntitiesDirectory, context, cancellationToken).ConfigureAwait(false);
        var judged = await steps.Judge.RunAsync(collected, context, cancellationToken).ConfigureAwait(false);
        var planned = await steps.PlanFeeds.RunAsync(judged, context, cancellationToken).ConfigureAwait(false);
        var assembled = await steps.Assemble.RunAsync(planned, context, cancellationToken).ConfigureAwait(false);
        var signed = await steps.Sign.RunAsync(assembled, context, cancellationToken).ConfigureAwait(false);
        var registered = await steps.Register.RunAsync(signed, context, cancellationToken).ConfigureAwait(false);
        var published = await steps.Publish.RunAsync(registered, context, cancellationToken).ConfigureAwait(false);
        return await steps.Record.RunAsync(published, context, cancellationToken).ConfigureAwait(false);
    }
}
