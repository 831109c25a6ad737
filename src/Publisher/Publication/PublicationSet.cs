namespace Fedmd.Publisher.Publication;

/// <summary>
/// Everything one pass publishes: the signed feeds, the pages beside them (signing certificate, fingerprint page),
/// and the pass's reports, written next to the feeds (the next pass compares its counts with them) and kept in the
/// history.
/// </summary>
/// <param name="Feeds">The signed feeds, each verified by the signer's self-check.</param>
/// <param name="Pages">Files served beside the feeds: the certificate, <c>fingerprint.html</c>, <c>.txt</c>, <c>.json</c>.</param>
/// <param name="Reports">The pass's reports (<c>report.json</c>, <c>report.txt</c>), beside the feeds and under <c>history/</c>.</param>
/// <param name="PublishedAt">When the pass ran; names the history version.</param>
public sealed record PublicationSet(
    IReadOnlyList<SignedFeed> Feeds,
    IReadOnlyList<PublicationFile> Pages,
    IReadOnlyList<PublicationFile> Reports,
    DateTimeOffset PublishedAt)
{
    /// <summary>The files a web root holds, in publication order: feeds first, then the pages and reports that describe them.</summary>
    public IEnumerable<PublicationFile> ServedFiles =>
        Feeds.Select(f => new PublicationFile(f.FileName, f.Content)).Concat(Pages).Concat(Reports);
}
