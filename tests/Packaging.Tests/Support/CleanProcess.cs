using System.Diagnostics;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Packaging.Support;

/// <summary>
/// Runs a program with an empty environment plus <c>PATH=/usr/bin:/bin</c> and the given variables (like
/// <c>env -i</c>), so neither the SDK's <c>dotnet</c> nor <c>DOTNET_ROOT</c> can be found: what a participant's machine has.
/// </summary>
public static class CleanProcess
{
    /// <summary>Runs <paramref name="program"/> and waits for it.</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string workingDirectory = "/")
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
