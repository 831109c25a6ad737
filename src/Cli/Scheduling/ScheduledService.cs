using System.Reflection;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Logging;
using Fedmd.Cluster.Nodes;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Quartz;
using Serilog;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// <c>fedmd run</c>: a generic host running the pass on a cron schedule (UTC by default). A fire missed while the
/// service was down runs once at start; Ctrl-C or SIGTERM stops it after the running pass completes. The pass is
/// composed once, at start, and every fire runs it; a changed rollover state stops the service with exit 75 so that
/// systemd restarts it with the new keys.
/// </summary>
internal static class ScheduledService
{
    /// <summary>Runs until stopped; returns the exit code.</summary>
    public static int Run(FedmdOptions options, TypedConfiguration typed, PassSettings settings, TimeProvider clock, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Schedule.TimeZone);
        using var cluster = ClusterComponents.Open(options);
        var state = StateComponents.ForPass(options, cluster, () => LatestFireTime.AtOrBefore(options.Schedule.Cron, timeZone, clock.GetUtcNow()));
        var rollover = new RolloverStateWatch(MetadataSigningKeys.StoreOf(options).Path);
        using var signing = PassSigning.Open(options, typed, state.Files, clock, log);
        using var pass = PassComponents.Create(options, typed, settings with { RemembersLastPass = true }, state, signing, new LoggedPassEvents(log), clock);
        // In a cluster every node tries the catch-up at start: it claims the latest fire time, so it runs only when
        // no node ran that fire, and the start does not depend on the database answering.
        var catchUp = cluster is not null || MissedFire(options.Schedule.Cron, timeZone, state.LastPass.Read(), clock.GetUtcNow());

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSerilog(log);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(30));
        builder.Services.AddSingleton<PublicationPass>(pass.Pass);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(new PassRecorder(state.Records, clock));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(rollover);
        var outage = new DatabaseOutageLog(log, clock);
        builder.Services.AddSingleton(outage);
        if (cluster is not null)
        {
            builder.Services.AddHostedService(_ => new NodeCheckInService(new NodeCheckIns(cluster), outage, Version()));
        }

        builder.Services.AddQuartz(quartz =>
        {
            var job = new JobKey("publication");
            quartz.ScheduleJob<PublicationJob>(
                trigger => trigger
                    .WithIdentity("scheduled-pass")
                    .WithCronSchedule(options.Schedule.Cron, cron => cron.InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                configure => configure.WithIdentity(job));
            if (catchUp)
            {
                quartz.RunAtStartup(job);
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        log.Information("Scheduled service started: cron '{Cron}' in {TimeZone}{CatchUp}{Cluster}", options.Schedule.Cron, timeZone.Id,
            catchUp ? "; a missed pass runs now" : string.Empty,
            cluster is null ? string.Empty : $"; node {cluster.NodeName} of the cluster on PostgreSQL {cluster.Server}");
        using var host = builder.Build();
        host.Run();
        log.Information("Scheduled service stopped");
        return rollover.Changed() ? RolloverStateWatch.RestartExitCode : 0;
    }

    private static string Version() =>
        typeof(ScheduledService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Whether a scheduled fire passed since the last successful pass (or there never was one), so one pass should run
    /// at start.
    /// </summary>
    public static bool MissedFire(string cron, TimeZoneInfo timeZone, DateTimeOffset? lastPass, DateTimeOffset now)
    {
        if (lastPass is null)
        {
            return true;
        }

        var expression = new CronExpression(cron, timeZone);
        var next = expression.GetNextValidTimeAfter(lastPass.Value);
        return next is not null && next.Value <= now;
    }
}
