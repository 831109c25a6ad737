using System.Text;
using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>The pages published beside the feeds: the signing certificate(s) and the fingerprint page in its three forms.</summary>
public static class FingerprintFiles
{
    /// <summary>Renders every page from the facts; each trusted certificate is published as PEM under its own name.</summary>
    public static IReadOnlyList<PublicationFile> Render(FingerprintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var files = new List<PublicationFile>();
        files.AddRange(facts.TrustedCertificates().Select(t => new PublicationFile(t.FileName, Encoding.ASCII.GetBytes(t.Certificate.Pem))));

        // After the switch the versioned names are signed by the new key until finish: their certificate stays too.
        if (facts.Rollover is null && facts.Feeds.FirstOrDefault(f => f.SignedByNextKey) is { } versioned)
        {
            files.Add(new PublicationFile(FingerprintFacts.NextCertificateFileName, Encoding.ASCII.GetBytes(versioned.Certificate.Pem)));
        }

        files.Add(new PublicationFile(FingerprintFacts.TextFileName, Encoding.UTF8.GetBytes(FingerprintText.Render(facts))));
        files.Add(new PublicationFile(FingerprintFacts.JsonFileName, FingerprintJson.Render(facts)));
        files.Add(new PublicationFile(FingerprintFacts.HtmlFileName, Encoding.UTF8.GetBytes(FingerprintPage.Render(facts))));
        return files;
    }
}
