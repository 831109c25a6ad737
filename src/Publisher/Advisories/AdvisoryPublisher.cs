using System.Globalization;
using System.Text;
using Fedmd.Metadata.Files;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Local;
using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Advisories;

/// <summary>
/// Publishes the security advisory into the web root (atomically, world-readable) and keeps every advisory ever
/// published under <c>history/advisories/</c>, so a replaced advisory stays on record.
/// </summary>
public sealed class AdvisoryPublisher(string webRoot, string federationName)
{
    /// <summary>Publishes <paramref name="text"/> as the current advisory; returns the published path.</summary>
    public string Publish(string text, DateTimeOffset published)
    {
        var page = Encoding.UTF8.GetBytes(AdvisoryPage.Render(federationName, text, published));
        var stamp = published.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        AtomicFileWriter.Write(Path.Combine(webRoot, LocalWebRootTarget.HistoryDirectoryName, "advisories", $"advisory-{stamp}.html"), page);
        var path = Path.Combine(webRoot, FingerprintFacts.AdvisoryFileName);
        AtomicFileWriter.Write(path, page);
        return path;
    }

    /// <summary>
    /// The current advisory page, for every target of the next publication (so mirrors carry it too): the one last
    /// published, or the standing "no advisory" page when none ever was, so the fingerprint page's link always resolves.
    /// </summary>
    public PublicationFile Current()
    {
        var path = Path.Combine(webRoot, FingerprintFacts.AdvisoryFileName);
        var page = File.Exists(path) ? File.ReadAllBytes(path) : Encoding.UTF8.GetBytes(AdvisoryPage.None(federationName));
        return new PublicationFile(FingerprintFacts.AdvisoryFileName, page);
    }
}
