using System.Globalization;
using System.Net;
using System.Text;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>
/// Renders <c>fingerprint.html</c>, the out-of-band page participants use to pin the metadata signing certificate:
/// static HTML, no script, readable on a phone, every value escaped.
/// </summary>
public sealed class FingerprintPage(string federationName, string certificateFileName)
{
    /// <summary>Renders the page for the signing certificate and the feeds it signs.</summary>
    public string Render(SigningCertificateInfo certificate, IReadOnlyList<FeedListing> feeds, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(feeds);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(federationName)}: metadata signing certificate</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; {"}"}
            code, pre {"{"} font-family: ui-monospace, monospace; overflow-wrap: anywhere; {"}"}
            .fp {"{"} font-size: 1.05rem; background: #f3f3f3; padding: .4rem .6rem; display: block; {"}"}
            table {"{"} border-collapse: collapse; {"}"} td, th {"{"} text-align: left; padding: .2rem .6rem .2rem 0; vertical-align: top; {"}"}
            pre {"{"} background: #f3f3f3; padding: .6rem; white-space: pre-wrap; {"}"}
            </style>
            </head>
            <body>
            <h1>{E(federationName)} metadata signing certificate</h1>
            <p>Every feed below is signed with this certificate's key. Pin the certificate (or its SHA-256 fingerprint) in your
            metadata consumer and verify the signature on every fetch. Compare the fingerprint here with the certificate you
            download: this page is the out-of-band check.</p>
            <h2>Fingerprints</h2>
            <code class="fp" id="sha256">{E(certificate.Sha256.ToDisplayString())}</code>
            <code class="fp" id="sha1">{E(certificate.Sha1.ToDisplayString())}</code>
            <h2>Certificate</h2>
            <table>
            <tr><th>Download</th><td><a href="{E(certificateFileName)}">{E(certificateFileName)}</a> (PEM)</td></tr>
            <tr><th>Subject</th><td>{E(certificate.Subject)}</td></tr>
            <tr><th>Serial</th><td><code>{E(certificate.Serial)}</code></td></tr>
            <tr><th>Not before</th><td>{certificate.NotBefore:u}</td></tr>
            <tr><th>Not after</th><td>{certificate.NotAfter:u}</td></tr>
            <tr><th>Key</th><td>{E(certificate.KeyDescription)}</td></tr>
            </table>
            <h2>Feeds</h2>
            <table>
            <tr><th>Feed</th><th>validUntil</th><th>cacheDuration</th></tr>

            """);
        foreach (var feed in feeds)
        {
            var link = feed.Url?.ToString() ?? feed.FileName;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{E(link)}\">{E(link)}</a></td><td>{feed.ValidUntil:u}</td><td>{E(feed.CacheDuration)}</td></tr>\n");
        }

        var first = feeds.Count > 0 ? feeds[0].Url?.ToString() ?? feeds[0].FileName : "federation-metadata.xml";
        html.Append(CultureInfo.InvariantCulture, $"""
            </table>
            <h2>Shibboleth SP</h2>
            <pre>&lt;MetadataProvider type="XML" url="{E(first)}"
                  backingFilePath="federation-metadata.xml" maxRefreshDelay="3600"&gt;
              &lt;MetadataFilter type="RequireValidUntil" maxValidityInterval="2419200"/&gt;
              &lt;MetadataFilter type="Signature" certificate="{E(certificateFileName)}"/&gt;
            &lt;/MetadataProvider&gt;</pre>
            <p><small>Generated {generated:u}.</small></p>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
