namespace Fedmd.Aggregator.Reporting;

/// <summary>
/// What one run (or check) found and would publish; written as <c>report.json</c> (schema in docs/validation.md) and
/// <c>report.txt</c> beside the feeds. The next run reads the feeds' entity lists back to compute its differences.
/// </summary>
/// <param name="SchemaVersion">Version of this report's JSON shape.</param>
/// <param name="Kind"><c>run</c> or <c>check</c>.</param>
/// <param name="Generated">When the run started.</param>
/// <param name="Registry">The registry directory or file.</param>
/// <param name="Totals">Counts over all entities.</param>
/// <param name="Entities">Every entity file with its status and findings, in registry order.</param>
/// <param name="Feeds">Every feed with its counts and its difference from the previous publication.</param>
/// <param name="Refusals">Why guard rails refused feeds (each reason names its feed); empty when every feed was published (or for a check).</param>
public sealed record RunReport(
    int SchemaVersion,
    string Kind,
    DateTimeOffset Generated,
    string Registry,
    ReportTotals Totals,
    IReadOnlyList<EntityReport> Entities,
    IReadOnlyList<FeedReport> Feeds,
    IReadOnlyList<string> Refusals)
{
    /// <summary>The current <see cref="SchemaVersion"/>.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Every remote source the run imported, with the copy it used; empty when the feeds import none.</summary>
    public IReadOnlyList<SourceReport> Sources { get; init; } = [];
}
