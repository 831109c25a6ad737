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
/// <param name="Refusals">Why the run refused to publish; empty when it published (or for a check).</param>
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
}

/// <summary>Counts over all entities of a run.</summary>
/// <param name="Entities">Entity files read.</param>
/// <param name="Accepted">Entities without errors (with or without warnings).</param>
/// <param name="Rejected">Entities excluded.</param>
/// <param name="Warned">Accepted entities with warnings.</param>
public sealed record ReportTotals(int Entities, int Accepted, int Rejected, int Warned);

/// <summary>One entity file's outcome.</summary>
/// <param name="Source">The file.</param>
/// <param name="EntityId">The entityID, or null when the file did not parse.</param>
/// <param name="Status"><c>accepted</c>, <c>warned</c> (accepted with warnings) or <c>rejected</c>.</param>
/// <param name="Findings">Every finding, in the order the stages made them.</param>
public sealed record EntityReport(string Source, string? EntityId, string Status, IReadOnlyList<FindingReport> Findings);

/// <summary>One finding.</summary>
/// <param name="Rule">The stable rule id.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record FindingReport(string Rule, string Severity, string Message);

/// <summary>One feed's outcome and its difference from the previous publication of the same file.</summary>
/// <param name="Name">The feed's Name.</param>
/// <param name="FileName">The feed's file name.</param>
/// <param name="ValidUntil">The feed's validUntil.</param>
/// <param name="EntityCount">How many entities it carries.</param>
/// <param name="PreviousEntityCount">How many the previous publication carried, or null when there was none.</param>
/// <param name="Added">entityIDs new since the previous publication.</param>
/// <param name="Removed">entityIDs gone since the previous publication.</param>
/// <param name="Changed">entityIDs whose published content changed.</param>
/// <param name="Entries">Every entity the feed carries, with the SHA-256 of its published bytes.</param>
public sealed record FeedReport(
    string Name,
    string FileName,
    DateTimeOffset ValidUntil,
    int EntityCount,
    int? PreviousEntityCount,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Changed,
    IReadOnlyList<FeedEntry> Entries);

/// <summary>One entity in a feed.</summary>
/// <param name="EntityId">The entityID.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the entity's bytes as aggregated.</param>
public sealed record FeedEntry(string EntityId, string Sha256);
