using System.Globalization;

namespace Fedmd.Aggregator.Reporting;

/// <summary>Writes the run report for people: <c>report.txt</c>, and what <c>fedmd check</c> prints.</summary>
public static class ReportText
{
    /// <summary>The report's file name beside the feeds.</summary>
    public const string FileName = "report.txt";

    /// <summary>Renders the report.</summary>
    public static string Render(RunReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, report);
        return text.ToString();
    }

    /// <summary>Writes what <see cref="Render"/> returns to <paramref name="text"/>, without holding it (a large registry's report is tens of MB).</summary>
    public static void Write(TextWriter text, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        text.Write(string.Create(CultureInfo.InvariantCulture, $"fedmd {report.Kind} report, {report.Generated:u}\n"));
        text.Write(string.Create(CultureInfo.InvariantCulture, $"Registry: {report.Registry}\n"));
        text.Write(string.Create(CultureInfo.InvariantCulture, $"Entities: {t.Entities} read, {t.Accepted} accepted ({t.Warned} with warnings), {t.Rejected} rejected\n"));
        foreach (var source in report.Sources)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"Source {source.Name} ({source.Url}): {source.State}"));
            text.Write(source.ValidUntil is { } until ? string.Create(CultureInfo.InvariantCulture, $", copy valid until {until:u}") : string.Empty);
            text.Write(string.Create(CultureInfo.InvariantCulture, $", {source.Imported} imported, {source.Filtered.Values.Sum()} filtered out"));
            text.Write(source.Failure is { } failure ? $"; fetch failed: {failure}\n" : "\n");
        }

        foreach (var refusal in report.Refusals)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"REFUSED: {refusal}\n"));
        }

        foreach (var feed in report.Feeds)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture,
                $"\nFeed {feed.FileName} ({feed.Name}): {feed.EntityCount} entities, validUntil {feed.ValidUntil:u}"));
            if (feed.Refusal is { } refusal)
            {
                text.Write(feed.PublishedAt is { } since
                    ? string.Create(CultureInfo.InvariantCulture, $"\n  STALE since {since:u}: refused, the publication of {since:u} stays served until its validUntil; {refusal}\n")
                    : $"\n  REFUSED and never published: {refusal}\n");
                continue;
            }

            text.Write(feed.PreviousEntityCount is { } before
                ? string.Create(CultureInfo.InvariantCulture, $", previously {before}\n")
                : ", no previous publication\n");
            List("added", feed.Added, text);
            List("removed", feed.Removed, text);
            List("changed", feed.Changed, text);
        }

        foreach (var group in report.Entities.Where(e => e.Status != "accepted").GroupBy(e => e.Status).OrderByDescending(g => g.Key, StringComparer.Ordinal))
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"\n{(group.Key == "rejected" ? "Rejected" : "Accepted with warnings")}:\n"));
            foreach (var entity in group)
            {
                text.Write(string.Create(CultureInfo.InvariantCulture, $"  {entity.Source}{(entity.EntityId is { } id ? $" ({id})" : string.Empty)}\n"));
                foreach (var finding in entity.Findings)
                {
                    text.Write(string.Create(CultureInfo.InvariantCulture, $"    {finding.Severity} [{finding.Rule}] {finding.Message}\n"));
                }
            }
        }
    }

    private static void List(string label, IReadOnlyList<string> ids, TextWriter text)
    {
        foreach (var id in ids)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"  {label}: {id}\n"));
        }
    }
}
