using System.Text.Json.Nodes;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>What an operator gets instead of a raw .NET message: one line naming the path, the setting and the fix.</summary>
public sealed class OperatorMessageTests
{
    [Fact]
    public void Fetch_out_naming_a_directory_is_a_usage_error_that_says_so()
    {
        using var directory = new TemporaryDirectory();

        var result = FedmdCli.Run(["fetch", "--url", "https://127.0.0.1:1/metadata.xml", "--fingerprint", "SHA256:" + new string('a', 64), "--out", directory.Path]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Contains($"--out {directory.Path} is a directory", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_publish_dir_naming_a_file_is_refused_before_anything_is_signed()
    {
        using var environment = new PassEnvironment(c => c["Signing"]!["AuditLog"] = JsonValue.Create("audit.jsonl"));
        var file = environment.Combine("not-a-directory");
        File.WriteAllText(file, "x");

        var result = environment.Fedmd("run", "--once", "--publish-dir", file);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Trim().Split('\n'), l => l.StartsWith("fedmd: ", StringComparison.Ordinal));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("is a file, not a directory", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(environment.Combine(), "*audit*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_unreadable_entity_file_costs_only_itself_with_a_finding_that_says_permission_denied()
    {
        using var environment = new PassEnvironment();
        var locked = Path.Combine(environment.RegistryDirectory, "locked.xml");
        File.Copy(Path.Combine(environment.RegistryDirectory, "sp-wiki.xml"), locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var result = WithoutReadOverride(environment, "check", "--entities", environment.RegistryDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("locked.xml", result.StandardOutput, StringComparison.Ordinal);
        var line = Assert.Single(result.StandardOutput.Split('\n'), l => l.Contains("[xml.read]", StringComparison.Ordinal));
        Assert.Contains("permission denied", line, StringComparison.Ordinal);
        Assert.Contains("14 accepted", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Access to the path", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_registry_directory_is_exit_2_naming_the_setting()
    {
        using var environment = new PassEnvironment();
        File.SetUnixFileMode(environment.RegistryDirectory, UnixFileMode.None);
        try
        {
            var result = WithoutReadOverride(environment, "check");

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.StandardError.Trim().Split('\n'), l => l.StartsWith("fedmd: ", StringComparison.Ordinal));
            Assert.Contains(environment.RegistryDirectory, line, StringComparison.Ordinal);
            Assert.Contains("Registry:EntitiesDirectory", line, StringComparison.Ordinal);
            Assert.Contains("permission denied", line, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(environment.RegistryDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // The tests run as root, whom file modes do not stop: the program runs without the capabilities that override them.
    private static ToolResult WithoutReadOverride(PassEnvironment environment, params string[] arguments) =>
        ExternalTool.Run("setpriv", ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search", "dotnet", FedmdCli.Program, "--config", environment.ConfigFile, .. arguments],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["SOFTHSM2_CONF"] = Fedmd.TestSupport.SoftHsm.TestHsm.ConfigFile, ["FEDMD_CONFIG"] = null, ["DOTNET_NOLOGO"] = "1" });
}
