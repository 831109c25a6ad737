namespace Fedmd.Aggregator.Feeds;

/// <summary>One output feed as configured.</summary>
/// <param name="Name">The aggregate's <c>Name</c> attribute.</param>
/// <param name="FileName">The file name in the web root, e.g. <c>federation-metadata.xml</c>.</param>
/// <param name="Selection">Which accepted entities it carries.</param>
public sealed record FeedDefinition(string Name, string FileName, FeedSelection Selection)
{
    /// <summary>Names of the remote sources whose accepted entities the feed adds to the registry's; empty for none.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}
