using System.Text.Json;
using Fedmd.Tests.Packaging.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Packaging;

/// <summary>What the Debian package holds, read with dpkg-deb: control fields, files, conffiles and the configuration template.</summary>
[Collection(SharedDist.Name)]
public sealed class DebianPackageTests : IDisposable
{
    private static readonly string[] ServiceRoots = ["/var/lib/fedmd/", "/var/www/fedmd", "/var/log/fedmd/", "/etc/fedmd/"];
    private readonly DistArtifacts _dist;
    private readonly ExtractedPackage _package;

    public DebianPackageTests(DistArtifacts dist)
    {
        _dist = dist;
        _package = new ExtractedPackage(dist.DebianPackage);
    }

    [Fact]
    public void Info_names_the_package_its_version_architecture_and_what_the_postinst_needs()
    {
        var info = DpkgDeb("--info", _dist.DebianPackage);

        Assert.Contains(" Package: fedmd\n", info, StringComparison.Ordinal);
        Assert.Contains($" Version: {_dist.Version}\n", info, StringComparison.Ordinal);
        Assert.Contains(" Architecture: amd64\n", info, StringComparison.Ordinal);
        Assert.Matches(@" Depends: .*\badduser\b.*\blibssl3\b", info);
        foreach (var script in new[] { "postinst", "prerm", "postrm", "conffiles" })
        {
            Assert.Matches($@"\s{script}\s", info);
        }

        Assert.Equal("/etc/fedmd/fedmd.json", DpkgDeb("--info", _dist.DebianPackage, "conffiles").Trim());
    }

    [Fact]
    public void Contents_hold_the_program_the_configuration_the_units_and_the_example_fetch_file_owned_by_root()
    {
        var contents = DpkgDeb("--contents", _dist.DebianPackage).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => f[^1], f => (Mode: f[0], Owner: f[1]), StringComparer.Ordinal);

        Assert.Equal("-rwxr-xr-x", contents["./usr/bin/fedmd"].Mode);
        foreach (var file in new[] { "./etc/fedmd/fedmd.json", "./lib/systemd/system/fedmd.service", "./lib/systemd/system/fedmd-fetch@.service", "./lib/systemd/system/fedmd-fetch@.timer", "./usr/share/doc/fedmd/fetch-example.env", "./usr/share/doc/fedmd/install.md" })
        {
            Assert.True(contents.ContainsKey(file), $"{file} is not in the package");
            Assert.Equal("-rw-r--r--", contents[file].Mode);
        }

        Assert.True(contents.ContainsKey("./etc/fedmd/fetch/"), "/etc/fedmd/fetch/ is not in the package");
        Assert.All(contents.Values, f => Assert.Equal("root/root", f.Owner));
    }

    [Fact]
    public void The_packaged_program_is_the_linux_x64_single_file()
    {
        Assert.Equal(File.ReadAllBytes(_dist.LinuxX64), File.ReadAllBytes(_package.File("/usr/bin/fedmd")));
    }

    [Fact]
    public void The_configuration_template_is_production_with_every_path_under_the_service_directories()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_package.File("/etc/fedmd/fedmd.json")));
        var root = json.RootElement;
        string Get(params string[] path) => path.Aggregate(root, (e, p) => e.GetProperty(p)).GetString()!;

        Assert.Equal("production", Get("Profile"));
        string[] paths =
        [
            Get("Registry", "EntitiesDirectory"), Get("Registry", "LedgerFile"), Get("Signing", "CertificateFile"),
            Get("Signing", "PinFile"), Get("Publish", "Directory"), Get("Logging", "Directory"), Get("StateDirectory"),
        ];
        Assert.All(paths, p => Assert.True(ServiceRoots.Any(r => (p + "/").StartsWith(r, StringComparison.Ordinal)), $"{p} is outside {string.Join(", ", ServiceRoots)}"));
        Assert.False(root.TryGetProperty("DevelopmentToken", out _));
        Assert.Contains("module-path=/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", Get("Signing", "KeyUri"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_fetch_file_sets_every_variable_the_fetch_unit_expands()
    {
        var example = File.ReadAllLines(_package.File("/usr/share/doc/fedmd/fetch-example.env"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var execStart = UnitFile.Read(_package.File("/lib/systemd/system/fedmd-fetch@.service")).Value("Service", "ExecStart");
        var expanded = System.Text.RegularExpressions.Regex.Matches(execStart, @"\$\{?([A-Z_]+)\}?").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expanded, example);
    }

    public void Dispose() => _package.Dispose();

    private static string DpkgDeb(params string[] arguments)
    {
        var result = ExternalTool.Run("dpkg-deb", arguments);
        Assert.True(result.ExitCode == 0, result.Output);
        return result.StandardOutput;
    }
}
