using System.Text;
using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>The pages published beside the feeds: the signing certificate(s) and the fingerprint page in its three forms.</summary>
public static class FingerprintFiles
{
    /// <summary>Renders every page from the facts; the first feed's certificate is the one published as PEM.</summary>
    public static IReadOnlyList<PublicationFile> Render(FingerprintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var files = new List<PublicationFile>();
        if (facts.Feeds.Count > 0)
        {
            files.Add(new PublicationFile(FingerprintFacts.CertificateFileName, Encoding.ASCII.GetBytes(facts.Feeds[0].Certificate.Pem)));
        }

        if (facts.Rollover is { } rollover)
        {
            files.Add(new PublicationFile(FingerprintFacts.NextCertificateFileName, Encoding.ASCII.GetBytes(rollover.Next.Pem)));
        }

        files.Add(new PublicationFile(FingerprintFacts.TextFileName, Encoding.UTF8.GetBytes(FingerprintText.Render(facts))));
        files.Add(new PublicationFile(FingerprintFacts.JsonFileName, FingerprintJson.Render(facts)));
        files.Add(new PublicationFile(FingerprintFacts.HtmlFileName, Encoding.UTF8.GetBytes(FingerprintPage.Render(facts))));
        return files;
    }
}
