using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Pass;

namespace Fedmd.Cli.Printing;

/// <summary>
/// Prints a pass's outcome for an operator: counts, the first rejections with their reasons, each feed (file,
/// entities, validUntil; a refused feed with why and since when it is stale), fingerprint, paths.
/// </summary>
internal static class PassSummary
{
    /// <summary>
    /// How many rejected entities the console lists; an eduGAIN import can reject hundreds, which belong in the
    /// report rather than in cron mail.
    /// </summary>
    public const int MaxRejectedListed = 20;

    /// <summary>Writes the summary.</summary>
    public static void Print(PassOutcome outcome, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Entities accepted: {outcome.Accepted.Count}");
        output.WriteLine($"Entities rejected: {outcome.Rejected.Count}");
        PrintRejected(outcome, output);
        if (outcome.Warned.Count > 0)
        {
            output.WriteLine($"Accepted with warnings: {outcome.Warned.Count}");
            PrintFindings(outcome.Warned, output);
        }

        output.WriteLine("Feeds:");
        foreach (var feed in outcome.Feeds)
        {
            output.WriteLine($"  {feed.FileName}: {feed.EntityCount} entities, validUntil: {feed.ValidUntil:u}");
        }

        PrintRefused(outcome, output);
        output.WriteLine($"Signing certificate: {outcome.SigningCertificate.ToDisplayString()}");
        output.WriteLine("Written:");
        foreach (var path in outcome.WrittenPaths)
        {
            output.WriteLine($"  {path}");
        }

        output.WriteLine("Targets:");
        foreach (var target in outcome.Targets)
        {
            output.WriteLine($"  {target}");
        }
    }

    private static void PrintRejected(PassOutcome outcome, TextWriter output)
    {
        PrintFindings(outcome.Rejected.Take(MaxRejectedListed), output);
        var unlisted = outcome.Rejected.Count - MaxRejectedListed;
        if (unlisted > 0)
        {
            var report = outcome.WrittenPaths.FirstOrDefault(p => Path.GetFileName(p) == ReportText.FileName) ?? ReportText.FileName;
            output.WriteLine($"  and {unlisted} more: see {report}");
        }
    }

    /// <summary>The line a pass with refused feeds ends with (on standard error, before exit 1): each feed and why.</summary>
    public static string RefusalLine(PassOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return $"refused {outcome.Refused.Count} feed(s), the others were published: " + string.Join("; ", outcome.Refused.Select(f => $"{f.FileName}: {f.Refusal}"));
    }

    private static void PrintRefused(PassOutcome outcome, TextWriter output)
    {
        foreach (var feed in outcome.Refused)
        {
            output.WriteLine(feed.PublishedAt is { } since
                ? $"  {feed.FileName}: REFUSED, still serving the publication of {since:u} (validUntil: {feed.ValidUntil:u}): {feed.Refusal}"
                : $"  {feed.FileName}: REFUSED, not served: {feed.Refusal}");
        }
    }

    /// <summary>Writes each item's source and findings, indented.</summary>
    public static void PrintFindings(IEnumerable<EntityItem> items, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var item in items)
        {
            output.WriteLine($"  {item.Source}");
            foreach (var message in item.Messages)
            {
                output.WriteLine($"    {message}");
            }
        }
    }
}
