using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Quartz;
using Serilog;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// The hourly pass as a Quartz job, running the one pass the service composed. Never two at once; a failing pass is
/// logged and leaves the last publication in place, and the service waits for the next fire. Each pass's outcome is
/// recorded for <c>fedmd status</c>.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PublicationJob(PublicationPass pass, PassRecorder recorder, TimeProvider clock, ILogger log) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        log.Information("Pass started");
        var startedAt = clock.GetUtcNow();
        try
        {
            // Not the service's stop token: a pass that started completes and publishes before the service stops.
            var outcome = await pass.RunAsync(CancellationToken.None).ConfigureAwait(false);
            recorder.Succeeded(startedAt);
            log.Information("Pass complete: {Accepted} accepted, {Rejected} rejected", outcome.Accepted.Count, outcome.Rejected.Count);
        }
        catch (FedmdException e)
        {
            recorder.Failed(startedAt, e);
            log.Error("Pass failed ({Kind}): {Failure}; the previous publication stays in place", e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            recorder.Failed(startedAt, e);
            // The service must outlive any one pass: report it as an infrastructure failure and wait for the next fire.
            log.Error(e, "Pass failed (Infrastructure): {Failure}; the previous publication stays in place", e.Message);
        }
    }
}
