using Fedmd.Fetcher;

namespace Fedmd.Aggregator.Sources;

/// <summary>One remote aggregate as configured: its name, how it is fetched and verified, and what is taken from it.</summary>
/// <param name="Name">A short name, used in item sources, the report and the last good copy's file name.</param>
/// <param name="Request">URL, pinned keys, validity window, limits and where the last good copy is kept.</param>
/// <param name="Filter">Which of its entities are imported.</param>
public sealed record SourceDefinition(string Name, FetchRequest Request, SourceFilter Filter)
{
    /// <summary>The item source of one imported entity: names the source and the entityID, for reports and logs.</summary>
    public string ItemSource(string entityId) => $"source {Name}: {entityId}";
}
