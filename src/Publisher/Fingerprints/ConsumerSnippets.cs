using System.Globalization;
using System.Text;
using System.Xml;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>
/// Ready-to-paste consumer configuration for one feed: each pins the signing keys and bounds validUntil, so a
/// participant who pastes it gets signature checking and freshness from the first fetch. During a rollover each trusts
/// every key of <see cref="FingerprintFacts.TrustedCertificates"/> (any one of them verifies), so one configuration
/// keeps working across the switch.
/// </summary>
internal static class ConsumerSnippets
{
    /// <summary>All snippets, titled, in the order the page shows them.</summary>
    public static IReadOnlyList<(string Title, string Text)> For(FeedListing feed, TimeSpan maxValidity, IReadOnlyList<(string FileName, SigningCertificateInfo Certificate)> trusted)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(trusted);
        return
        [
            ("Shibboleth SP (shibboleth2.xml)", ShibbolethSp(feed, maxValidity, trusted)),
            ("Shibboleth IdP (metadata-providers.xml)", ShibbolethIdp(feed, maxValidity, trusted)),
            ("SimpleSAMLphp metarefresh (config-metarefresh.php)", SimpleSamlPhp(feed, trusted)),
            ("fedmd fetch", FedmdFetch(feed, trusted)),
        ];
    }

    /// <summary>A Shibboleth SP MetadataProvider with the RequireValidUntil filter and a Signature filter trusting each key.</summary>
    public static string ShibbolethSp(FeedListing feed, TimeSpan maxValidity, IReadOnlyList<(string FileName, SigningCertificateInfo Certificate)> trusted)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(trusted);
        var seconds = ((long)maxValidity.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        // Two Signature filters would both have to pass; one filter with a Chaining resolver accepts either key.
        var signature = trusted.Count <= 1
            ? $"""  <MetadataFilter type="Signature" certificate="{FileOf(trusted)}" verifyBackup="false"/>"""
            : "  <MetadataFilter type=\"Signature\" verifyBackup=\"false\">\n    <CredentialResolver type=\"Chaining\">\n"
              + string.Concat(trusted.Select(t => $"      <CredentialResolver type=\"File\" certificate=\"{t.FileName}\"/>\n"))
              + "    </CredentialResolver>\n  </MetadataFilter>";
        return $"""
            <MetadataProvider type="XML" validate="true"
                url="{feed.Url}"
                backingFilePath="{feed.FileName}" maxRefreshDelay="3600">
              <MetadataFilter type="RequireValidUntil" maxValidityInterval="{seconds}"/>
            {signature}
            </MetadataProvider>
            """;
    }

    /// <summary>A Shibboleth IdP FileBackedHTTPMetadataProvider with the SignatureValidation and RequiredValidUntil filters.</summary>
    public static string ShibbolethIdp(FeedListing feed, TimeSpan maxValidity, IReadOnlyList<(string FileName, SigningCertificateInfo Certificate)> trusted)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(trusted);
        const string Home = "%{idp.home}";
        var signature = trusted.Count <= 1
            ? $"  <MetadataFilter xsi:type=\"SignatureValidation\" requireSignedRoot=\"true\"\n      certificateFile=\"{Home}/credentials/{FileOf(trusted)}\"/>\n"
            : "  <MetadataFilter xsi:type=\"SignatureValidation\" requireSignedRoot=\"true\">\n"
              + "    <security:TrustEngine xsi:type=\"security:StaticExplicitKeySignature\">\n"
              + string.Concat(trusted.Select(t =>
                  $"      <security:Credential xsi:type=\"security:X509Filesystem\">\n        <security:Certificate>{Home}/credentials/{t.FileName}</security:Certificate>\n      </security:Credential>\n"))
              + "    </security:TrustEngine>\n  </MetadataFilter>\n";
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"""
                <MetadataProvider id="fedmd" xsi:type="FileBackedHTTPMetadataProvider"
                    metadataURL="{feed.Url}"
                    backingFile="{Home}/metadata/{feed.FileName}" maxRefreshDelay="PT1H">

                """)
            .Append(signature)
            .Append(CultureInfo.InvariantCulture, $"""
                  <MetadataFilter xsi:type="RequiredValidUntil" maxValidityInterval="{XmlConvert.ToString(maxValidity)}"/>
                </MetadataProvider>
                """)
            .ToString();
    }

    /// <summary>A SimpleSAMLphp metarefresh source pinning the certificates (and, for 1.x releases, a fingerprint).</summary>
    public static string SimpleSamlPhp(FeedListing feed, IReadOnlyList<(string FileName, SigningCertificateInfo Certificate)> trusted)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(trusted);
        var certificates = string.Join(", ", trusted.Select(t => $"'cert/{t.FileName}'"));
        return $"""
            'sources' => [
                [
                    'src' => '{feed.Url}',
                    'certificates' => [{certificates}],
                    // SimpleSAMLphp 1.x instead of 'certificates' (one fingerprint only: upgrade to trust two keys):
                    // 'validateFingerprint' => '{feed.Certificate.Sha256.ToColonHex()}',
                    // 'validateFingerprintAlgorithm' => 'http://www.w3.org/2001/04/xmlenc#sha256',
                ],
            ],
            """;
    }

    /// <summary>The <c>fedmd fetch</c> command line pinning each trusted key by its public-key SHA-256 fingerprint.</summary>
    public static string FedmdFetch(FeedListing feed, IReadOnlyList<(string FileName, SigningCertificateInfo Certificate)> trusted)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(trusted);
        var pins = trusted.Count == 0 ? [feed.Certificate] : trusted.Select(t => t.Certificate);
        return $"fedmd fetch --url {feed.Url} {string.Concat(pins.Select(c => $"--fingerprint {c.KeySha256} "))}--out {feed.FileName}";
    }

    private static string FileOf(IReadOnlyList<(string FileName, SigningCertificateInfo Certificate)> trusted) =>
        trusted.Count == 0 ? FingerprintFacts.CertificateFileName : trusted[0].FileName;
}
