using System.Text.Json;
using Fedmd.KeyLifecycle.Saml;

namespace Fedmd.Cli.Printing;

/// <summary>Prints a rollover or compromise step's report, as text or JSON, and gives its exit code: 0 done, 1 refused.</summary>
internal static class StepReportOutput
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="report"/> and returns the exit code.</summary>
    public static int Print(StepReport report, bool json, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            output.WriteLine($"{report.Step} {report.EntityId}: {(report.Done ? "done" : "refused")}{(report.Phase is { } phase ? $" (phase: {phase.ToString().ToLowerInvariant()})" : string.Empty)}");
            foreach (var line in report.Did)
            {
                output.WriteLine($"  {line}");
            }

            if (report.ChangeId is { } change)
            {
                output.WriteLine($"  change id: {change}");
            }

            output.WriteLine($"next: {report.Next}{(report.NextAllowedAt is { } at ? $" (from {at:u})" : string.Empty)}");
        }

        return report.Done ? 0 : 1;
    }
}
