using Fedmd.Publisher.Local;

namespace Fedmd.Publisher.History;

/// <summary>
/// The publications recorded in a web root's history, for readers outside the publisher (the rollover's overlap
/// rule reads what was actually served, never what a pass meant to serve).
/// </summary>
public static class PublishedVersions
{
    /// <summary>The directories of the publications recorded for <paramref name="webRoot"/> (<c>Publish:Directory</c>), newest first; each holds the feeds as served.</summary>
    public static IReadOnlyList<string> Of(string webRoot) =>
        new PublicationHistory(new WebRootLayout(webRoot).History, int.MaxValue).Versions();
}
