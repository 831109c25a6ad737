using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.Monitoring;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd status [--json] [--nagios] [--skip-hsm]</c>: how close the federation is to an outage. Without
/// <c>--nagios</c> it exits 0 when every check is OK and 1 otherwise; with it, 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
/// (the monitoring-plugins convention). A configuration that does not load still exits 2 (CRITICAL to a plugin runner),
/// and so does a probe that cannot be built (an unreadable signing certificate), with its reason on standard output.
/// </summary>
internal static class StatusCommand
{
    /// <summary>Builds the command; every check reads <paramref name="clock"/>.</summary>
    public static Command Create(TimeProvider clock)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (docs/monitoring.md)" };
        var nagios = new Option<bool>("--nagios") { Description = "Print one monitoring-plugin line and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN" };
        var skipHsm = new Option<bool>("--skip-hsm") { Description = "Do not log in to the token (leave the HSM line out)" };
        var command = new Command("status", "Report each published feed where participants fetch it, the certificate, the HSM, the PIN latch, the audit chain and the last pass");
        command.Options.Add(json);
        command.Options.Add(nagios);
        command.Options.Add(skipHsm);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            StatusReport report;
            try
            {
                using var cluster = ClusterComponents.Open(options);
                var state = StateComponents.ForPass(options, cluster, clock.GetUtcNow);
                var probe = MonitoringComponents.Create(options, TypedConfiguration.From(options), state.Files, state.Records, !parseResult.GetValue(skipHsm), clock);
                report = probe.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (FedmdException e) when (parseResult.GetValue(nagios))
            {
                // A plugin runner reads standard output only: say why there is no report, as CRITICAL like a failed load.
                Console.Out.WriteLine($"FEDMD CRITICAL - fedmd status could not run: {e.Message}");
                return (int)StatusLevel.Critical;
            }

            log.Information("Status {Status}", NagiosOutput.Name(report.Level));
            if (parseResult.GetValue(nagios))
            {
                Console.Out.WriteLine(NagiosOutput.Render(report));
                return (int)report.Level;
            }

            Console.Out.Write(parseResult.GetValue(json) ? StatusJson.Render(report) : StatusText.Render(report));
            return report.Level == StatusLevel.Ok ? CommandExecution.Success : 1;
        }));
        return command;
    }
}
