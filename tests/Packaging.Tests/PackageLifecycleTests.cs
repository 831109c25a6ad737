using Fedmd.Tests.Packaging.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Packaging;

/// <summary>
/// Installs, upgrades, removes and purges the package on the test machine itself. The machine is a throwaway container
/// run as root here and in CI, and it is what a signing host looks like (Debian 12 with dpkg, adduser and passwd), so
/// the maintainer scripts meet a real system; a debootstrap folder would need a network mirror and minutes per run.
/// The test refuses to start when fedmd is already on the machine and purges everything it made, even on failure.
/// Nothing in the repository's tests runs <c>fedmd</c> from PATH, so /usr/bin/fedmd cannot shadow their program.
/// </summary>
[Collection(SharedDist.Name)]
public sealed class PackageLifecycleTests : IDisposable
{
    private static readonly string[] ServicePaths = ["/etc/fedmd", "/var/lib/fedmd", "/var/log/fedmd", "/var/www/fedmd", "/var/lib/fedmd-fetch"];
    private readonly DistArtifacts _dist;
    private readonly TemporaryDirectory _work = new();

    public PackageLifecycleTests(DistArtifacts dist) => _dist = dist;

    [Fact]
    public void Install_creates_the_user_and_directories_upgrade_keeps_changes_remove_keeps_state_and_purge_removes_it()
    {
        Assert.True(Run("id", "-u").StandardOutput.Trim() == "0", "installing the package needs root (CI runs as root)");
        Assert.False(Run("dpkg-query", "-W", "fedmd").ExitCode == 0, "a fedmd package is already on this machine; the test will not replace it");
        Assert.False(Run("getent", "passwd", "fedmd").ExitCode == 0, "a fedmd user already exists on this machine");
        Assert.All(ServicePaths, p => Assert.False(Path.Exists(p), $"{p} already exists on this machine"));
        var upgradeVersion = $"{_dist.Version}+upgrade1";
        Succeeds(Run(RepositoryRoot.Combine("deploy", "debian", "build-deb.sh"), _dist.LinuxX64, upgradeVersion, _work.Path));

        try
        {
            Succeeds(Run("dpkg", "-i", _dist.DebianPackage));
            AssertUserAndDirectories();
            AssertUnitsVerify();
            AssertTheTemplateWorksForTheServiceUser();

            var configuration = File.ReadAllText("/etc/fedmd/fedmd.json").Replace("Example Federation", "Modified Federation", StringComparison.Ordinal);
            File.WriteAllText("/etc/fedmd/fedmd.json", configuration);
            File.WriteAllText("/var/lib/fedmd/registry/registration-ledger.json", "{}");
            File.WriteAllText("/var/lib/fedmd/state/signing-audit.jsonl", "{}\n");
            Succeeds(Run("dpkg", "-i", Path.Combine(_work.Path, $"fedmd_{upgradeVersion}_amd64.deb")));
            Assert.Equal(upgradeVersion, Run("dpkg-query", "-W", "-f=${Version}", "fedmd").StandardOutput);
            Assert.Equal(configuration, File.ReadAllText("/etc/fedmd/fedmd.json"));
            Assert.Equal("{}", File.ReadAllText("/var/lib/fedmd/registry/registration-ledger.json"));
            Assert.Equal("{}\n", File.ReadAllText("/var/lib/fedmd/state/signing-audit.jsonl"));
            AssertUserAndDirectories();

            Succeeds(Run("dpkg", "--remove", "fedmd"));
            Assert.False(File.Exists("/usr/bin/fedmd"));
            Assert.Equal(configuration, File.ReadAllText("/etc/fedmd/fedmd.json"));
            Assert.True(File.Exists("/var/lib/fedmd/registry/registration-ledger.json"));
            Assert.True(Run("getent", "passwd", "fedmd").ExitCode == 0, "remove deleted the fedmd user");

            var purge = Succeeds(Run("dpkg", "--purge", "fedmd"));
            Assert.Contains("purge removes /var/lib/fedmd", purge.Output, StringComparison.Ordinal);
            Assert.False(Run("getent", "passwd", "fedmd").ExitCode == 0, "purge left the fedmd user");
            Assert.False(Run("getent", "group", "fedmd").ExitCode == 0, "purge left the fedmd group");
            Assert.All(new[] { "/etc/fedmd", "/var/lib/fedmd", "/var/log/fedmd" }, p => Assert.False(Path.Exists(p), $"purge left {p}"));
            Assert.Equal("root root", Run("stat", "-c", "%U %G", "/var/www/fedmd").StandardOutput.Trim());
            Assert.False(Run("dpkg-query", "-W", "fedmd").ExitCode == 0, "purge left the package known to dpkg");
        }
        finally
        {
            CleanUp();
        }
    }

    public void Dispose() => _work.Dispose();

    private static void AssertUserAndDirectories()
    {
        var user = Succeeds(Run("getent", "passwd", "fedmd")).StandardOutput.Trim().Split(':');
        Assert.True(int.Parse(user[2], System.Globalization.CultureInfo.InvariantCulture) < 1000, $"fedmd is not a system user: {string.Join(':', user)}");
        Assert.Equal("/var/lib/fedmd", user[5]);
        Assert.Equal("/usr/sbin/nologin", user[6]);
        Succeeds(Run("getent", "group", "fedmd"));
        foreach (var directory in new[] { "/var/lib/fedmd", "/var/lib/fedmd/state", "/var/lib/fedmd/registry", "/var/log/fedmd" })
        {
            Assert.Equal($"750 fedmd fedmd {directory}", Run("stat", "-c", "%a %U %G %n", directory).StandardOutput.Trim());
        }

        Assert.Equal("755 fedmd fedmd", Run("stat", "-c", "%a %U %G", "/var/www/fedmd").StandardOutput.Trim());
        Assert.Equal("755 root root", Run("stat", "-c", "%a %U %G", "/usr/bin/fedmd").StandardOutput.Trim());
    }

    // systemd-analyze verify needs the units' programs installed, so it runs here rather than on the unpacked package.
    // Without systemd-analyze (a machine without the systemd package) SystemdUnitTests' directive checks remain.
    private static void AssertUnitsVerify()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            return;
        }

        var verify = Run("systemd-analyze", "verify", "fedmd.service", "fedmd-fetch@example.service", "fedmd-fetch@example.timer");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.DoesNotContain("fedmd", verify.StandardError, StringComparison.Ordinal);
    }

    // The operator's registry in /var/lib/fedmd/registry, checked by the service user with the shipped configuration:
    // fedmd accepts the template, and the user can read it and the registry.
    private static void AssertTheTemplateWorksForTheServiceUser()
    {
        var samples = Directory.GetFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml");
        foreach (var sample in samples)
        {
            File.Copy(sample, Path.Combine("/var/lib/fedmd/registry", Path.GetFileName(sample)));
        }

        Succeeds(Run("chown", "-R", "fedmd:fedmd", "/var/lib/fedmd/registry"));
        var check = CleanProcess.Run("/usr/bin/setpriv", ["--reuid=fedmd", "--regid=fedmd", "--init-groups", "/usr/bin/fedmd", "check", "--config", "/etc/fedmd/fedmd.json"],
            new Dictionary<string, string> { ["HOME"] = "/var/lib/fedmd" });
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains($"{samples.Length} accepted", check.StandardOutput, StringComparison.Ordinal);
    }

    private static void CleanUp()
    {
        Run("dpkg", "--purge", "fedmd");
        Run("userdel", "fedmd");
        Run("groupdel", "fedmd");
        foreach (var path in ServicePaths.Where(Directory.Exists))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static ToolResult Run(string program, params string[] arguments) =>
        ExternalTool.Run(program, arguments, timeout: TimeSpan.FromMinutes(5));

    private static ToolResult Succeeds(ToolResult result)
    {
        Assert.True(result.ExitCode == 0, result.Output);
        return result;
    }
}
