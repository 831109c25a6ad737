namespace Fedmd.Pass.Monitoring;

/// <summary>The report for people: one line per check, then the overall state.</summary>
public static class StatusText
{
    /// <summary>Renders the report.</summary>
    public static string Render(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var width = report.Lines.Count == 0 ? 0 : report.Lines.Max(l => l.Subject.Length);
        var lines = report.Lines.Select(l => $"{NagiosOutput.Name(l.Level),-8} {l.Subject.PadRight(width)}  {l.Summary}");
        return string.Join('\n', lines.Append($"overall: {NagiosOutput.Name(report.Level)}")) + "\n";
    }
}
