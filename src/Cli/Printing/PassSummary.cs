using Fedmd.Aggregator.Pipeline;
using Fedmd.Pass;

namespace Fedmd.Cli.Printing;

/// <summary>
/// Prints a pass's outcome for an operator: counts, every rejection with its reasons, each feed (file, entities,
/// validUntil), fingerprint, paths.
/// </summary>
internal static class PassSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Print(PassOutcome outcome, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Entities accepted: {outcome.Accepted.Count}");
        output.WriteLine($"Entities rejected: {outcome.Rejected.Count}");
        PrintFindings(outcome.Rejected, output);
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
