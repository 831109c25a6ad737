namespace Fedmd.Aggregator.Reporting;

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
    IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>
    /// Why a guard rail refused the feed in this run, or null when it was published. A refused feed's counts and
    /// entries are those of its previous publication, which stays served while valid: the feed is stale.
    /// </summary>
    public string? Refusal { get; init; }

    /// <summary>When the publication served under this name was made: this run's time, or for a refused feed the time of its last publication (stale since); null when it was never published.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}
