using Fedmd.Aggregator.Sources;

namespace Fedmd.Aggregator.Reporting;

/// <summary>One remote source's outcome in a run.</summary>
/// <param name="Name">The source's name.</param>
/// <param name="Url">Its URL.</param>
/// <param name="State"><c>fetched</c>, <c>not-modified</c>, <c>fallback</c> (last good copy used) or <c>unavailable</c>.</param>
/// <param name="ValidUntil">validUntil of the copy used: after a fallback, when that copy stops being usable.</param>
/// <param name="Failure">Why the fetch failed, or null.</param>
/// <param name="Imported">Entities that passed the source's filters (each then validated like a registry entity).</param>
/// <param name="Filtered">Entities the filters left out, counted by reason.</param>
public sealed record SourceReport(
    string Name,
    string Url,
    string State,
    DateTimeOffset? ValidUntil,
    string? Failure,
    int Imported,
    IReadOnlyDictionary<string, int> Filtered)
{
    /// <summary>The report of <paramref name="source"/>.</summary>
    public static SourceReport From(SourceImport source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var status = source.Status;
        return new SourceReport(
            status.Name,
            status.Url.ToString(),
            status.State switch
            {
                SourceState.Fetched => "fetched",
                SourceState.NotModified => "not-modified",
                SourceState.Fallback => "fallback",
                _ => "unavailable",
            },
            status.ValidUntil,
            status.Failure,
            source.Items.Count,
            source.Filtered.GroupBy(f => f.Reason, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }
}
