using System.Diagnostics;
using Fedmd.Cli.Scheduling;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>`fedmd run` as a service: a missed fire runs at start, and SIGINT stops it cleanly.</summary>
public sealed class ScheduledServiceTests
{
    [Fact]
    public void A_service_that_never_ran_publishes_at_start_and_stops_cleanly_on_sigint()
    {
        // Once a year: only the catch-up for the missed fire can publish during this test.
        using var environment = new PassEnvironment(c => c["Schedule"] = new System.Text.Json.Nodes.JsonObject { ["Cron"] = "0 0 0 1 1 ?" });
        using var service = StartService(environment);
        try
        {
            var progress = new LogProgress(environment);
            while (!File.Exists(environment.PublishedFeed) && progress.StillMoving() && !service.HasExited)
            {
                Thread.Sleep(200);
            }

            Assert.True(File.Exists(environment.PublishedFeed), "the missed fire did not publish; service log: " + environment.LogText());
            WaitForLog(environment, "Pass complete");
            var arguments = File.ReadAllText($"/proc/{service.Id}/cmdline").Replace('\0', ' ');
            Assert.Contains("run", arguments, StringComparison.Ordinal);
            Assert.DoesNotContain(TestToken.UserPinValue, arguments, StringComparison.Ordinal);
            Assert.DoesNotContain(TestToken.UserPinValue, environment.LogText(), StringComparison.Ordinal);

            Assert.Equal(0, ExternalTool.Run("kill", ["-INT", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ExitCode);
            Assert.True(WaitForExitWhileLogging(service, environment), "the service did not stop after SIGINT: " + environment.LogText());
            Assert.Equal(0, service.ExitCode);
            Assert.Contains("Scheduled service stopped", environment.LogText(), StringComparison.Ordinal);
            Assert.True(IndependentVerifiers.Xmlsec1Accepts(environment.PublishedFeed, environment.PublishedCertificate));
            Assert.True(File.Exists(environment.Combine("state", "last-successful-pass")), environment.LogText());
            // The scheduled pass is recorded for fedmd status and leaves its metrics, as run --once does.
            using var record = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(environment.Combine("state", "last-pass.json")));
            Assert.Equal(0, record.RootElement.GetProperty("exitCode").GetInt32());
            Assert.True(record.RootElement.TryGetProperty("lastSuccessAt", out _));
            Assert.True(File.Exists(environment.Combine("state", "metrics.prom")));
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void Sigint_during_a_pass_lets_that_pass_finish_and_publish_before_the_service_stops()
    {
        using var environment = new PassEnvironment(c => c["Schedule"] = new System.Text.Json.Nodes.JsonObject { ["Cron"] = "0 0 0 1 1 ?" });
        // A registry large enough that the pass is still running when the signal arrives.
        foreach (var sample in Directory.GetFiles(environment.RegistryDirectory))
        {
            var text = File.ReadAllText(sample);
            for (var copy = 0; copy < 60; copy++)
            {
                File.WriteAllText($"{sample}.{copy}.xml", System.Text.RegularExpressions.Regex.Replace(text, "entityID=\"([^\"]+)\"", $"entityID=\"$1/copy{copy}\""));
            }
        }

        using var service = StartService(environment);
        try
        {
            WaitForLog(environment, "Pass started");
            Assert.Equal(0, ExternalTool.Run("kill", ["-INT", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ExitCode);

            Assert.True(WaitForExitWhileLogging(service, environment), "the service did not stop after SIGINT: " + environment.LogText());
            var log = environment.LogText();
            Assert.Equal(0, service.ExitCode);
            var completed = log.IndexOf("Pass complete", StringComparison.Ordinal);
            Assert.True(completed > 0, "the interrupted pass did not complete: " + log);
            Assert.True(completed < log.IndexOf("Scheduled service stopped", StringComparison.Ordinal));
            Assert.True(IndependentVerifiers.Xmlsec1Accepts(environment.PublishedFeed, environment.PublishedCertificate));
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void A_fire_missed_since_the_last_pass_is_due_and_one_still_ahead_is_not()
    {
        var hourly = "0 0 * * * ?";
        var lastPass = new DateTimeOffset(2026, 11, 22, 10, 0, 5, TimeSpan.Zero);

        Assert.True(ScheduledService.MissedFire(hourly, TimeZoneInfo.Utc, null, lastPass));
        Assert.False(ScheduledService.MissedFire(hourly, TimeZoneInfo.Utc, lastPass, lastPass.AddMinutes(59)));
        Assert.True(ScheduledService.MissedFire(hourly, TimeZoneInfo.Utc, lastPass, lastPass.AddMinutes(61)));
    }

    // `fedmd run` as its own process, as systemd would start it; its console output is drained and discarded.
    private static Process StartService(PassEnvironment environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { FedmdCli.Program, "--config", environment.ConfigFile, "run" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SOFTHSM2_CONF"] = TestHsm.ConfigFile;
        var service = Process.Start(start)!;
        service.ErrorDataReceived += (_, _) => { };
        service.OutputDataReceived += (_, _) => { };
        service.BeginErrorReadLine();
        service.BeginOutputReadLine();
        return service;
    }

    // A loaded machine makes a pass slow, not silent: the waits below give up only when the service's log has not
    // grown for a while, so they measure a hang rather than the machine's speed.
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    private static void WaitForLog(PassEnvironment environment, string text)
    {
        var progress = new LogProgress(environment);
        while (!environment.LogText().Contains(text, StringComparison.Ordinal))
        {
            Assert.True(progress.StillMoving(), $"the service log never said '{text}': {environment.LogText()}");
            Thread.Sleep(200);
        }
    }

    private static bool WaitForExitWhileLogging(Process service, PassEnvironment environment)
    {
        var progress = new LogProgress(environment);
        while (!service.WaitForExit(TimeSpan.FromMilliseconds(500)))
        {
            if (!progress.StillMoving())
            {
                return false;
            }
        }

        return true;
    }

    private sealed class LogProgress(PassEnvironment environment)
    {
        private int length = environment.LogText().Length;
        private DateTime lastGrowth = DateTime.UtcNow;

        public bool StillMoving()
        {
            var now = environment.LogText().Length;
            if (now != length)
            {
                (length, lastGrowth) = (now, DateTime.UtcNow);
            }

            return DateTime.UtcNow - lastGrowth < Silence;
        }
    }
}
