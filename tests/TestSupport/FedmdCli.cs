using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.TestSupport;

/// <summary>
/// Runs the real <c>fedmd</c> program (copied beside the test binaries by the project reference) as a separate
/// process, with <c>SOFTHSM2_CONF</c> in its environment before it starts, as the <c>./fedmd</c> wrapper does.
/// </summary>
public static class FedmdCli
{
    /// <summary>Path of fedmd.dll beside the test binaries.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "fedmd.dll");

    /// <summary>Runs <c>fedmd</c> with <paramref name="arguments"/>; the SoftHSM2 configuration is this test process's own unless given.</summary>
    public static ToolResult Run(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SOFTHSM2_CONF"] = TestHsm.ConfigFile,
            ["FEDMD_CONFIG"] = null,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return ExternalTool.Run("dotnet", [Program, .. arguments], variables, timeout, workingDirectory);
    }
}
