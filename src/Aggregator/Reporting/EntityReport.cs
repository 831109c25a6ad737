namespace Fedmd.Aggregator.Reporting;

/// <summary>One entity file's outcome.</summary>
/// <param name="Source">The file.</param>
/// <param name="EntityId">The entityID, or null when the file did not parse.</param>
/// <param name="Status"><c>accepted</c>, <c>warned</c> (accepted with warnings) or <c>rejected</c>.</param>
/// <param name="Findings">Every finding, in the order the stages made them.</param>
public sealed record EntityReport(string Source, string? EntityId, string Status, IReadOnlyList<FindingReport> Findings);
