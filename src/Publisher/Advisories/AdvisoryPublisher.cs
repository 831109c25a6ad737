using System.Globalization;
using System.Text;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Local;

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

    /// <summary>Writes the standing "no advisory" page when no advisory was ever published, so the link always resolves.</summary>
    public void EnsurePresent()
    {
        var path = Path.Combine(webRoot, FingerprintFacts.AdvisoryFileName);
        if (!File.Exists(path))
        {
            AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes(AdvisoryPage.None(federationName)));
        }
    }
}
