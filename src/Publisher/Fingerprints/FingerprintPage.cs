using System.Globalization;
using System.Net;
using System.Text;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>
/// Renders <c>fingerprint.html</c>, the out-of-band page participants use to pin the metadata signing certificate:
/// static HTML, no script, one column that reads on a phone, every value escaped.
/// </summary>
internal static class FingerprintPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: .5rem 1rem 2rem; line-height: 1.45; color: #111; }
        h1 { font-size: 1.45rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
        code, pre { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
        .fp { display: block; font-size: 1rem; background: #eef3f8; border-left: 4px solid #2a6db0; padding: .4rem .6rem; margin: .2rem 0 .6rem; }
        dl { margin: 0; } dt { font-weight: 600; margin-top: .5rem; } dd { margin: 0 0 0 .2rem; overflow-wrap: anywhere; }
        pre { background: #f3f3f3; padding: .6rem; white-space: pre-wrap; font-size: .85rem; }
        .note { background: #fff6dd; border-left: 4px solid #c90; padding: .5rem .7rem; }
        """;

    /// <summary>Renders the page.</summary>
    public static string Render(FingerprintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(facts.FederationName)}: metadata signing certificate</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <h1>{E(facts.FederationName)}: metadata signing certificate</h1>
            <p>Every feed below is signed. Pin the signing key in your metadata consumer and check the signature on
            every fetch. This page is the out-of-band check: compare the fingerprint of the certificate you download with
            the one shown here. Each key is shown with two fingerprints: of the <em>certificate</em> and of its
            <em>public key</em>. Pin the public key where your software allows it: a certificate re-issued for the same
            key keeps the key's fingerprint and changes the certificate's.</p>
            <p class="note">Security advisories: <a href="{FingerprintFacts.AdvisoryFileName}">{FingerprintFacts.AdvisoryFileName}</a>.
            Read it before trusting a new key: the federation announces any key compromise there.</p>

            """);
        foreach (var feed in facts.Feeds)
        {
            AppendFeed(html, feed);
        }

        if (facts.Rollover is { } rollover)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <h2 id="next-key">Next signing key</h2>
                <p>From <strong>{rollover.SwitchAt:u}</strong> the feeds are signed with the next key. Install its certificate
                beside the current one before that date (the configuration below trusts both). Until then every feed is also
                published signed by the next key under its versioned name (<code>NAME-next.xml</code>, listed above):
                fetch it with the next key pinned to test your configuration now.</p>
                <dl>
                <dt>Certificate</dt><dd><a href="{FingerprintFacts.NextCertificateFileName}">{FingerprintFacts.NextCertificateFileName}</a> (PEM)</dd>
                {CertificateFields(rollover.Next)}
                </dl>

                """);
        }

        if (facts.Previous is { } previous)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <h2 id="previous-key">Previous signing key</h2>
                <p>Until <strong>{previous.SwitchedAt:u}</strong> the feeds were signed with this key; they no longer are.
                Remove it from your configuration: it is listed here until the rollover is finished.</p>
                <dl>
                <dt>Certificate</dt><dd><a href="{FingerprintFacts.PreviousCertificateFileName}">{FingerprintFacts.PreviousCertificateFileName}</a> (PEM)</dd>
                {CertificateFields(previous.Certificate)}
                </dl>

                """);
        }

        if (facts.Feeds.FirstOrDefault(f => !f.SignedByNextKey) is { } first)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <h2 id="configuration">Ready-to-paste configuration</h2>
                <p>For {E(first.Url)}; for another feed change the URL and file name. Download
                <a href="{FingerprintFacts.CertificateFileName}">{FingerprintFacts.CertificateFileName}</a> and check its
                fingerprint above first.</p>

                """);
            foreach (var (title, text) in ConsumerSnippets.For(first, facts.MaxValidity, facts.TrustedCertificates()))
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{E(title)}</h3>\n<pre>{E(text)}</pre>\n");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <p><small>Also as <a href="{FingerprintFacts.TextFileName}">text</a> and <a href="{FingerprintFacts.JsonFileName}">JSON</a>.
            Generated {facts.Generated:u}.</small></p>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static void AppendFeed(StringBuilder html, FeedListing feed)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{E(feed.FileName)}</h2>
            <dl>
            <dt>URL</dt><dd><a href="{E(feed.Url)}">{E(feed.Url)}</a></dd>
            {(feed.Stale is { } stale ? $"<dt>Status</dt><dd><strong>{E(stale.Describe())}</strong></dd>" : "<dt>Status</dt><dd>current</dd>")}
            <dt>validUntil</dt><dd>{feed.ValidUntil:u}</dd>
            <dt>cacheDuration</dt><dd>{E(feed.CacheDuration)}</dd>
            <dt>Entities</dt><dd>{feed.EntityCount}</dd>
            <dt>Signing certificate</dt><dd><a href="{feed.CertificateFileName}">{feed.CertificateFileName}</a> (PEM){(feed.SignedByNextKey ? ": the versioned name, signed by the next key until the switch and by the new key after it, until the rollover is finished" : string.Empty)}</dd>
            {CertificateFields(feed.Certificate)}
            </dl>

            """);
    }

    private static string CertificateFields(SigningCertificateInfo certificate) => string.Create(CultureInfo.InvariantCulture, $"""
        <dt>SHA-256 fingerprint of the public key (pin this)</dt><dd><code class="fp">{E(certificate.KeySha256.ToDisplayString())}</code></dd>
        <dt>SHA-1 fingerprint of the public key</dt><dd><code class="fp">{E(certificate.KeySha1.ToDisplayString())}</code></dd>
        <dt>SHA-256 fingerprint of the certificate</dt><dd><code class="fp">{E(certificate.Sha256.ToDisplayString())}</code></dd>
        <dt>SHA-1 fingerprint of the certificate</dt><dd><code class="fp">{E(certificate.Sha1.ToDisplayString())}</code></dd>
        <dt>Subject</dt><dd>{E(certificate.Subject)}</dd>
        <dt>Serial</dt><dd><code>{E(certificate.Serial)}</code></dd>
        <dt>Not before</dt><dd>{certificate.NotBefore:u}</dd>
        <dt>Not after</dt><dd>{certificate.NotAfter:u}</dd>
        <dt>Key</dt><dd>{E(certificate.KeyDescription)}</dd>
        """);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
