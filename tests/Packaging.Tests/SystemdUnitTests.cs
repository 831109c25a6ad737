using System.Text.Json;
using Fedmd.Tests.Packaging.Support;

namespace Fedmd.Tests.Packaging;

/// <summary>
/// The packaged units' directives, read from the package. They hold everywhere, including containers where systemd is
/// not running; PackageLifecycleTests also runs <c>systemd-analyze verify</c> on the installed units.
/// </summary>
[Collection(SharedDist.Name)]
public sealed class SystemdUnitTests : IDisposable
{
    private readonly ExtractedPackage _package;

    public SystemdUnitTests(DistArtifacts dist) => _package = new ExtractedPackage(dist.DebianPackage);

    private UnitFile Unit(string name) => UnitFile.Read(_package.File($"/lib/systemd/system/{name}"));

    [Fact]
    public void The_service_runs_fedmd_as_its_user_stops_with_sigint_and_waits_for_a_pass()
    {
        var unit = Unit("fedmd.service");

        Assert.Equal("/usr/bin/fedmd run --config /etc/fedmd/fedmd.json", unit.Value("Service", "ExecStart"));
        Assert.Equal("SIGINT", unit.Value("Service", "KillSignal"));
        Assert.Equal("fedmd", unit.Value("Service", "User"));
        var timeout = unit.Value("Service", "TimeoutStopSec");
        Assert.Matches("^[0-9]+min$", timeout);
        Assert.True(int.Parse(timeout[..^3], System.Globalization.CultureInfo.InvariantCulture) >= 5, $"TimeoutStopSec={timeout} is too short for a pass");
    }

    [Fact]
    public void The_service_gets_its_pin_as_a_credential_and_points_signing_pin_file_at_it()
    {
        var unit = Unit("fedmd.service");

        Assert.Equal("pin:/etc/fedmd/pin", unit.Value("Service", "LoadCredential"));
        Assert.Equal("FEDMD__Signing__PinFile=%d/pin", unit.Value("Service", "Environment"));
    }

    [Fact]
    public void The_service_is_hardened_and_may_write_only_state_logs_and_the_web_root()
    {
        var unit = Unit("fedmd.service");

        Assert.Equal("yes", unit.Value("Service", "NoNewPrivileges"));
        Assert.Equal("strict", unit.Value("Service", "ProtectSystem"));
        Assert.Equal("yes", unit.Value("Service", "ProtectHome"));
        Assert.Equal("yes", unit.Value("Service", "PrivateTmp"));
        Assert.Equal("no", unit.Value("Service", "PrivateDevices"));
        Assert.Equal("AF_UNIX AF_INET AF_INET6", unit.Value("Service", "RestrictAddressFamilies"));
        Assert.Equal(string.Empty, unit.Value("Service", "CapabilityBoundingSet"));
        var writable = unit.Value("Service", "ReadWritePaths").Split(' ');
        Assert.Equal(["/var/lib/fedmd", "/var/log/fedmd", "/var/www/fedmd"], writable.Order(StringComparer.Ordinal));

        // Every path fedmd writes in the template must lie in one of them, or the service fails on a read-only file system.
        using var json = JsonDocument.Parse(File.ReadAllText(_package.File("/etc/fedmd/fedmd.json")));
        var root = json.RootElement;
        string[] written =
        [
            root.GetProperty("Registry").GetProperty("LedgerFile").GetString()!, root.GetProperty("Publish").GetProperty("Directory").GetString()!,
            root.GetProperty("Logging").GetProperty("Directory").GetString()!, root.GetProperty("StateDirectory").GetString()!,
        ];
        Assert.All(written, p => Assert.Contains(writable, w => (p + "/").StartsWith(w + "/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_fetch_unit_reads_its_instance_file_and_runs_fetch_without_a_shell()
    {
        var unit = Unit("fedmd-fetch@.service");

        Assert.Equal("/etc/fedmd/fetch/%i.env", unit.Value("Service", "EnvironmentFile"));
        Assert.Equal("/usr/bin/fedmd fetch --url ${FEDMD_FETCH_URL} --out ${FEDMD_FETCH_OUT} $FEDMD_FETCH_PINS $FEDMD_FETCH_OPTIONS", unit.Value("Service", "ExecStart"));
        Assert.Equal("oneshot", unit.Value("Service", "Type"));
        Assert.Equal("fedmd", unit.Value("Service", "User"));
        Assert.Equal("/var/lib/fedmd-fetch", unit.Value("Service", "ReadWritePaths"));
        Assert.Equal("fedmd-fetch", unit.Value("Service", "StateDirectory"));
        Assert.Equal("strict", unit.Value("Service", "ProtectSystem"));
        Assert.Equal("yes", unit.Value("Service", "NoNewPrivileges"));
        Assert.Equal(string.Empty, unit.Value("Service", "CapabilityBoundingSet"));
    }

    [Fact]
    public void The_fetch_timer_fires_hourly_with_a_random_delay_and_catches_up_after_downtime()
    {
        var unit = Unit("fedmd-fetch@.timer");

        Assert.Equal("hourly", unit.Value("Timer", "OnCalendar"));
        Assert.Matches("^[1-9][0-9]*min$", unit.Value("Timer", "RandomizedDelaySec"));
        Assert.Equal("true", unit.Value("Timer", "Persistent"));
        Assert.Equal("timers.target", unit.Value("Install", "WantedBy"));
    }

    public void Dispose() => _package.Dispose();
}
