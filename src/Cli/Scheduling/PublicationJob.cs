using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Quartz;
using Serilog;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// The hourly pass as a Quartz job, running the one pass the service composed. Never two at once; a failing pass is
/// logged and leaves the last publication in place, and the service waits for the next fire.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PublicationJob(PublicationPass pass, ILogger log) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        log.Information("Pass started");
        try
        {
            // Not the service's stop token: a pass that started completes and publishes before the service stops.
            var outcome = await pass.RunAsync(CancellationToken.None).ConfigureAwait(false);
            log.Information("Pass complete: {Accepted} accepted, {Rejected} rejected", outcome.Accepted.Count, outcome.Rejected.Count);
        }
        catch (FedmdException e)
        {
            log.Error("Pass failed ({Kind}): {Failure}; the previous publication stays in place", e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The service must outlive any one pass: report it as an infrastructure failure and wait for the next fire.
            log.Error(e, "Pass failed (Infrastructure): {Failure}; the previous publication stays in place", e.Message);
        }
    }
}
