using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Publication;
using Fedmd.Metadata.Failures;
using Quartz;
using Serilog;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// The hourly pass as a Quartz job. Never two at once; a failing pass is logged and leaves the last publication in
/// place, and the service waits for the next fire.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PublicationJob(FedmdOptions options, PassSettings settings, SigningComponents signing, LastPassStore lastPass, ILogger log) : IJob
{
    /// <inheritdoc />
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        log.Information("Pass started");
        try
        {
            var outcome = new PublicationPass(options, signing, log, TimeProvider.System).Run(settings);
            lastPass.Write(DateTimeOffset.UtcNow);
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

        return ValueTask.CompletedTask;
    }
}
