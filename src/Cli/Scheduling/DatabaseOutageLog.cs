using Serilog;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// Reports a PostgreSQL outage on a clustered node without flooding the log: the first failure, then at most one line
/// a minute while it lasts, and one line when the database answers again.
/// </summary>
internal sealed class DatabaseOutageLog(ILogger log, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastLogged;

    /// <summary>Records a failed attempt to reach the database.</summary>
    public void Failed(string failure)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_lastLogged is { } last && now - last < Interval)
            {
                return;
            }

            _lastLogged = now;
            log.Warning("Cluster database unavailable, no pass runs on this node: {Failure}", failure);
        }
    }

    /// <summary>Records a successful exchange with the database; logs once when it ends an outage.</summary>
    public void Answered()
    {
        lock (_gate)
        {
            if (_lastLogged is null)
            {
                return;
            }

            _lastLogged = null;
            log.Information("Cluster database answers again; passes resume on this node");
        }
    }
}
