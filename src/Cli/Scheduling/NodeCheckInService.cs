using Fedmd.Cluster.Nodes;
using Fedmd.Metadata.Failures;
using Microsoft.Extensions.Hosting;

namespace Fedmd.Cli.Scheduling;

/// <summary>A clustered node's heartbeat in PostgreSQL, every few seconds, for <c>fedmd db status</c>.</summary>
internal sealed class NodeCheckInService(NodeCheckIns checkIns, DatabaseOutageLog outage, string version) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: an unreachable database must not hold the service up for the connect timeout.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                checkIns.CheckIn(version);
                outage.Answered();
            }
            catch (FedmdException e)
            {
                outage.Failed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
