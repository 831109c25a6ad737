using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>The command line turns a refused configuration into exit 2 and the one line, before touching a token.</summary>
public sealed class StrictConfigurationExitTests
{
    [Fact]
    public void An_unknown_key_in_the_file_exits_2_with_one_line()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publish"]!["Directroy"] = "out/publish");

        var result = FedmdCli.Run(["--config", configuration.Path, "run", "--once"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"fedmd: configuration key Publish:Directroy is not known (did you mean Publish:Directory?) (in {configuration.Path})",
            result.StandardError.Trim());
    }

    [Fact]
    public void An_unknown_key_in_a_variable_exits_2_naming_the_variable()
    {
        using var configuration = new ConfigurationUnderTest();

        var result = FedmdCli.Run(["--config", configuration.Path, "run", "--once"],
            new Dictionary<string, string?> { ["FEDMD__Signing__PinFiel"] = "/run/credentials/fedmd/pin" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "fedmd: environment variable FEDMD__Signing__PinFiel: configuration key Signing:PinFiel is not known (did you mean Signing:PinFile?)",
            result.StandardError.Trim());
    }
}
