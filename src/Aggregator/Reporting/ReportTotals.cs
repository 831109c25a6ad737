namespace Fedmd.Aggregator.Reporting;

/// <summary>Counts over all entities of a run.</summary>
/// <param name="Entities">Entity files read.</param>
/// <param name="Accepted">Entities without errors (with or without warnings).</param>
/// <param name="Rejected">Entities excluded.</param>
/// <param name="Warned">Accepted entities with warnings.</param>
public sealed record ReportTotals(int Entities, int Accepted, int Rejected, int Warned);
