using System.Globalization;
using System.Xml;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>
/// Ready-to-paste consumer configuration for one feed: each pins the signing certificate and bounds validUntil, so a
/// participant who pastes it gets signature checking and freshness from the first fetch.
/// </summary>
internal static class ConsumerSnippets
{
    /// <summary>All snippets, titled, in the order the page shows them.</summary>
    public static IReadOnlyList<(string Title, string Text)> For(FeedListing feed, TimeSpan maxValidity)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return
        [
            ("Shibboleth SP (shibboleth2.xml)", ShibbolethSp(feed, maxValidity)),
            ("Shibboleth IdP (metadata-providers.xml)", ShibbolethIdp(feed, maxValidity)),
            ("SimpleSAMLphp metarefresh (config-metarefresh.php)", SimpleSamlPhp(feed)),
            ("fedmd fetch", FedmdFetch(feed)),
        ];
    }

    /// <summary>A Shibboleth SP MetadataProvider with the Signature and RequireValidUntil filters.</summary>
    public static string ShibbolethSp(FeedListing feed, TimeSpan maxValidity)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var seconds = ((long)maxValidity.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return $"""
            <MetadataProvider type="XML" validate="true"
                url="{feed.Url}"
                backingFilePath="{feed.FileName}" maxRefreshDelay="3600">
              <MetadataFilter type="RequireValidUntil" maxValidityInterval="{seconds}"/>
              <MetadataFilter type="Signature" certificate="{FingerprintFacts.CertificateFileName}" verifyBackup="false"/>
            </MetadataProvider>
            """;
    }

    /// <summary>A Shibboleth IdP FileBackedHTTPMetadataProvider with the SignatureValidation and RequiredValidUntil filters.</summary>
    public static string ShibbolethIdp(FeedListing feed, TimeSpan maxValidity)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return $"""
            <MetadataProvider id="fedmd" xsi:type="FileBackedHTTPMetadataProvider"
                metadataURL="{feed.Url}"
                backingFile="%{"{"}idp.home{"}"}/metadata/{feed.FileName}" maxRefreshDelay="PT1H">
              <MetadataFilter xsi:type="SignatureValidation" requireSignedRoot="true"
                  certificateFile="%{"{"}idp.home{"}"}/credentials/{FingerprintFacts.CertificateFileName}"/>
              <MetadataFilter xsi:type="RequiredValidUntil" maxValidityInterval="{XmlConvert.ToString(maxValidity)}"/>
            </MetadataProvider>
            """;
    }

    /// <summary>A SimpleSAMLphp metarefresh source pinning the certificate (and, for 1.x releases, its fingerprint).</summary>
    public static string SimpleSamlPhp(FeedListing feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return $"""
            'sources' => [
                [
                    'src' => '{feed.Url}',
                    'certificates' => ['cert/{FingerprintFacts.CertificateFileName}'],
                    // SimpleSAMLphp 1.x instead of 'certificates':
                    // 'validateFingerprint' => '{feed.Certificate.Sha256.ToColonHex()}',
                    // 'validateFingerprintAlgorithm' => 'http://www.w3.org/2001/04/xmlenc#sha256',
                ],
            ],
            """;
    }

    /// <summary>The <c>fedmd fetch</c> command line pinning the SHA-256 fingerprint.</summary>
    public static string FedmdFetch(FeedListing feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return $"fedmd fetch --url {feed.Url} --fingerprint {feed.Certificate.Sha256} --out {feed.FileName}";
    }
}
