namespace Fedmd.Publisher.Publication;

/// <summary>
/// The versioned name under which a feed is also published, signed by the announced next key, from the announcement
/// until the rollover is finished: <c>-next</c> before the extension, so <c>federation-metadata.xml</c> is
/// <c>federation-metadata-next.xml</c> and <c>idps</c> is <c>idps-next</c>. Participants fetch it to test the next
/// key and URL before the switch.
/// </summary>
public static class NextKeyFeedName
{
    private const string Suffix = "-next";

    /// <summary>The versioned name of the feed published as <paramref name="fileName"/>.</summary>
    public static string For(string fileName)
    {
        PublicationFile.RequirePlainName(fileName);
        var extension = Path.GetExtension(fileName);
        return Path.GetFileNameWithoutExtension(fileName) + Suffix + extension;
    }
}
