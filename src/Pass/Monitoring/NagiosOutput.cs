using System.Globalization;

namespace Fedmd.Pass.Monitoring;

/// <summary>
/// The report as a monitoring plugin's one line (<c>FEDMD STATE - text|perfdata</c>, the monitoring-plugins
/// development guidelines): the problems, worst first, or a count of checks when all is well; then every value.
/// </summary>
public static class NagiosOutput
{
    /// <summary>The plugin output line.</summary>
    public static string Render(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = report.Lines.Where(l => l.Level != StatusLevel.Ok)
            .OrderByDescending(l => l.Level == StatusLevel.Critical)
            .ThenByDescending(l => l.Level == StatusLevel.Warning)
            .Select(l => $"{Name(l.Level)} {l.Subject}: {l.Summary}")
            .ToList();
        var text = problems.Count == 0 ? $"{report.Lines.Count} checks OK" : string.Join("; ", problems);
        var perfdata = string.Join(' ', report.Lines.SelectMany(l => l.Values).Select(Perfdata));
        return $"FEDMD {Name(report.Level)} - {Clean(text)}" + (perfdata.Length > 0 ? "|" + perfdata : string.Empty);
    }

    /// <summary>The state's name as plugins print it.</summary>
    public static string Name(StatusLevel level) => level switch
    {
        StatusLevel.Ok => "OK",
        StatusLevel.Warning => "WARNING",
        StatusLevel.Critical => "CRITICAL",
        _ => "UNKNOWN",
    };

    private static string Perfdata(StatusValue value)
    {
        var label = value.Label.Replace('\'', '_').Replace('=', '_');
        return string.Create(CultureInfo.InvariantCulture,
            $"'{label}'={value.Value}{value.Unit};{Threshold(value.Warning, value.AlertsBelow)};{Threshold(value.Critical, value.AlertsBelow)}");
    }

    // A range "N:" alerts below N; a bare "N" alerts above it.
    private static string Threshold(double? threshold, bool alertsBelow) =>
        threshold is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t}{(alertsBelow ? ":" : string.Empty)}") : string.Empty;

    // The text must stay on one line and must not contain the perfdata separator.
    private static string Clean(string text) => text.Replace('|', '/').Replace('\n', ' ').Replace('\r', ' ');
}
