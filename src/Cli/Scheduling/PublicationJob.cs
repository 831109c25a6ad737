using Fedmd.Cluster.Database;
using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// The hourly pass as a Quartz job, running the one pass the service composed. Never two at once; a failing pass is
/// logged and leaves the last publication in place, and the service waits for the next fire. Each pass's outcome is
/// recorded for <c>fedmd status</c>. In a cluster, a fire time another node claimed is skipped, and while PostgreSQL
/// is unreachable no pass runs and the outage is logged once a minute. When the rollover state changed since start,
/// no pass runs with the keys opened then: the service stops to be restarted with the keys the state now names.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PublicationJob(
    PublicationPass pass, PassRecorder recorder, DatabaseOutageLog outage, TimeProvider clock, ILogger log, RolloverStateWatch rollover, IHostApplicationLifetime lifetime) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (rollover.Changed())
        {
            log.Warning("The metadata signing key rollover state changed since the service started; stopping so that it restarts and signs with the keys it now names");
            lifetime.StopApplication();
            return;
        }

        log.Information("Pass started");
        var startedAt = clock.GetUtcNow();
        try
        {
            // Not the service's stop token: a pass that started completes and publishes before the service stops.
            var outcome = await pass.RunAsync(CancellationToken.None).ConfigureAwait(false);
            outage.Answered();
            log.Information("Pass complete: {Accepted} accepted, {Rejected} rejected", outcome.Accepted.Count, outcome.Rejected.Count);
            Record(() => recorder.Succeeded(startedAt));
        }
        catch (PassNotClaimedException e)
        {
            outage.Answered();
            log.Information("Pass skipped: {Reason}", e.Message);
        }
        catch (FedmdException e) when (e.InnerException is ClusterUnreachableException)
        {
            // The record lives in the database that is down; nothing was published.
            outage.Failed(e.Message);
        }
        catch (FedmdException e)
        {
            Record(() => recorder.Failed(startedAt, e));
            log.Error("Pass failed ({Kind}): {Failure}; the previous publication stays in place", e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Record(() => recorder.Failed(startedAt, e));
            // The service must outlive any one pass: report it as an infrastructure failure and wait for the next fire.
            log.Error(e, "Pass failed (Infrastructure): {Failure}; the previous publication stays in place", e.Message);
        }
    }

    // A record the database cannot take is lost, never a reason to fail the job: the next pass writes its own.
    private void Record(Func<PassRecord> write)
    {
        try
        {
            write();
        }
        catch (FedmdException e) when (e.InnerException is ClusterUnreachableException)
        {
            outage.Failed(e.Message);
        }
        catch (FedmdException e)
        {
            log.Error("The pass's record was not written: {Failure}", e.Message);
        }
    }
}
