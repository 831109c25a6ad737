using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>
/// The <c>./fedmd</c> wrapper, run with stubs first on PATH that record every package query, installation and
/// program start, so that what it would install or initialise is seen without installing anything. It runs from a
/// checkout of its own (the wrapper and scripts copied, the built program linked) so that its <c>out/</c> starts empty.
/// </summary>
public sealed class WrapperTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public WrapperTests()
    {
        Directory.CreateDirectory(Stubs);
        // Every package looks missing, so the wrapper's installer would act if it ran.
        Stub("dpkg-query", "echo \"dpkg-query $*\" >> \"$STUB_LOG\"; exit 1");
        Stub("apt-get", "echo \"apt-get $*\" >> \"$STUB_LOG\"");
        Stub("sudo", "echo \"sudo $*\" >> \"$STUB_LOG\"; \"$@\"");
        // The program is already built by the test run; a build from the linked sources would race it.
        Stub("dotnet", "echo \"dotnet $*\" >> \"$STUB_LOG\"; [[ \"$1\" == build ]] && exit 0; exec /usr/bin/dotnet \"$@\"");
        Directory.CreateDirectory(Path.Combine(Checkout, "scripts"));
        File.Copy(RepositoryRoot.Combine("fedmd"), Path.Combine(Checkout, "fedmd"));
        foreach (var script in Directory.GetFiles(RepositoryRoot.Combine("scripts")))
        {
            File.Copy(script, Path.Combine(Checkout, "scripts", Path.GetFileName(script)));
        }

        foreach (var shared in new[] { "src", "keys-dev", "fedmd.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.CreateSymbolicLink(Path.Combine(Checkout, shared), RepositoryRoot.Combine(shared));
        }
    }

    private string Checkout => _directory.Combine("checkout");

    private string Stubs => _directory.Combine("stubs");

    private string Log => _directory.Combine("calls.log");

    private string Calls => File.Exists(Log) ? File.ReadAllText(Log) : string.Empty;

    [Theory]
    [InlineData("fetch")]
    [InlineData("verify")]
    public void A_participant_command_after_options_installs_nothing(string command)
    {
        var result = Wrapper(["--config", _directory.Combine("absent.json"), command, "--help"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.DoesNotContain("dpkg-query", Calls, StringComparison.Ordinal);
        Assert.DoesNotContain("apt-get", Calls, StringComparison.Ordinal);
        Assert.DoesNotContain("init-dev-token", Calls, StringComparison.Ordinal);
    }

    [Fact]
    public void A_production_configuration_never_touches_the_development_token()
    {
        var token = Fedmd.TestSupport.SoftHsm.TestHsm.CreateToken("wrapper");
        var configuration = TestConfiguration.For(token, _directory.Path, profile: "production");
        var file = TestConfiguration.Write(configuration, _directory.Combine("production.json"));
        var registry = _directory.Combine("registry");
        Directory.CreateDirectory(registry);
        File.Copy(RepositoryRoot.Combine("metadata-samples", "sp-wiki.xml"), Path.Combine(registry, "sp-wiki.xml"));

        var byOption = Wrapper(["--config", file, "check", "--entities", registry]);
        var byVariable = Wrapper(["check", "--entities", registry], file);

        Assert.True(byOption.ExitCode == 0, byOption.StandardError);
        Assert.True(byVariable.ExitCode == 0, byVariable.StandardError);
        Assert.DoesNotContain("init-dev-token", Calls, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private ToolResult Wrapper(string[] arguments, string? configVariable = null) =>
        ExternalTool.Run(Path.Combine(Checkout, "fedmd"), arguments, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = $"{Stubs}:{Environment.GetEnvironmentVariable("PATH")}",
            ["STUB_LOG"] = Log,
            ["SOFTHSM2_CONF"] = null,
            ["FEDMD_CONFIG"] = configVariable,
        }, TimeSpan.FromMinutes(5));

    private void Stub(string name, string body)
    {
        var path = Path.Combine(Stubs, name);
        File.WriteAllText(path, $"#!/usr/bin/env bash\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
