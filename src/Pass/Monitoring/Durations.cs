using System.Globalization;

namespace Fedmd.Pass.Monitoring;

/// <summary>Time spans as people read them in a status line: <c>9.9 d</c>, <c>3.2 h</c>, <c>12 min</c>.</summary>
internal static class Durations
{
    /// <summary>The span in its largest sensible unit; a negative span (a validUntil already past) keeps its sign.</summary>
    public static string Describe(TimeSpan span)
    {
        var abs = span.Duration();
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        return abs.TotalDays >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.TotalDays:0.#} d")
            : abs.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.TotalHours:0.#} h")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.TotalMinutes:0} min");
    }
}
