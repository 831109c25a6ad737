using System.Text;
using System.Text.Json;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Fingerprints;

public sealed class FingerprintFilesTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestFeeds _feeds = new();
    private readonly SigningCertificateInfo _current;
    private readonly SigningCertificateInfo _next;
    private readonly FingerprintFacts _facts;

    public FingerprintFilesTests()
    {
        _current = SigningCertificateInfo.From(_feeds.Certificate);
        var (nextKey, nextCertificate) = TestCertificates.CreateRsa("fedmd next signer", 3072);
        nextKey.Dispose();
        _next = SigningCertificateInfo.From(nextCertificate);
        var feed = _feeds.Feed(1);
        _facts = new FingerprintFacts(
            "Test <Federation> & Co",
            [
                new FeedListing("federation-metadata.xml", "https://md.example.org/federation-metadata.xml", feed.ValidUntil, "PT6H", 14, _current),
                new FeedListing("idps.xml", "https://md.example.org/idps.xml", feed.ValidUntil, "PT6H", 5, _current),
            ],
            new KeyRollover(_next, new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero)),
            TimeSpan.FromDays(28),
            DateTimeOffset.UtcNow);
    }

    [Fact]
    public void The_three_forms_and_both_certificates_are_published()
    {
        var files = FingerprintFiles.Render(_facts);

        Assert.Equal(["metadata-signer.crt", "metadata-signer-next.crt", "fingerprint.txt", "fingerprint.json", "fingerprint.html"], files.Select(f => f.Name));
        Assert.Equal(_current.Pem, Encoding.ASCII.GetString(files[0].Content.ToArray()));
        Assert.Equal(_next.Pem, Encoding.ASCII.GetString(files[1].Content.ToArray()));
    }

    [Fact]
    public void The_json_lists_every_feed_with_its_certificate_facts_and_the_next_key()
    {
        using var json = JsonDocument.Parse(FingerprintJson.Render(_facts));
        var root = json.RootElement;

        var feeds = root.GetProperty("feeds").EnumerateArray().ToList();
        Assert.Equal(["https://md.example.org/federation-metadata.xml", "https://md.example.org/idps.xml"], feeds.Select(f => f.GetProperty("url").GetString()));
        var certificate = feeds[1].GetProperty("signingCertificate");
        Assert.Equal(_current.Sha256.ToDisplayString(), certificate.GetProperty("sha256").GetString());
        Assert.EndsWith("(SHA256)", certificate.GetProperty("sha256").GetString(), StringComparison.Ordinal);
        Assert.Equal(_current.Sha1.ToDisplayString(), certificate.GetProperty("sha1").GetString());
        Assert.Equal("RSA", certificate.GetProperty("keyType").GetString());
        Assert.Equal(2048, certificate.GetProperty("keySize").GetInt32());
        Assert.Equal(_current.Serial, certificate.GetProperty("serial").GetString());
        Assert.Equal("PT6H", feeds[0].GetProperty("cacheDuration").GetString());
        Assert.Equal(14, feeds[0].GetProperty("entityCount").GetInt32());
        var next = root.GetProperty("nextSigningKey");
        Assert.Equal(new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc), next.GetProperty("switchAt").GetDateTime());
        Assert.Equal(_next.Sha256.ToDisplayString(), next.GetProperty("certificate").GetProperty("sha256").GetString());
        Assert.Equal(3072, next.GetProperty("certificate").GetProperty("keySize").GetInt32());
        Assert.Equal("advisory.html", root.GetProperty("advisory").GetString());
    }

    [Fact]
    public void The_text_states_the_fingerprints_the_next_key_and_the_fetch_command()
    {
        var text = FingerprintText.Render(_facts);

        Assert.Contains($"SHA-256 of the certificate: {_current.Sha256.ToColonHex()} (SHA256)", text, StringComparison.Ordinal);
        Assert.Contains($"SHA-1 of the certificate: {_current.Sha1.ToColonHex()} (SHA1)", text, StringComparison.Ordinal);
        Assert.Contains($"SHA-256 of the public key (pin this): {_current.KeySha256.ToColonHex()} (SHA256)", text, StringComparison.Ordinal);
        Assert.Contains("Next signing key from 2027-03-01 12:00:00Z", text, StringComparison.Ordinal);
        Assert.Contains(_next.Sha256.ToDisplayString(), text, StringComparison.Ordinal);
        Assert.Contains($"fedmd fetch --url https://md.example.org/federation-metadata.xml --fingerprint {_current.KeySha256} --fingerprint {_next.KeySha256} --out federation-metadata.xml", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_escapes_every_value_and_carries_no_script()
    {
        var html = FingerprintPage.Render(_facts with { FederationName = "<script>alert(1)</script>" });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_consumer_snippets_pin_the_certificate_and_bound_validUntil()
    {
        var feed = _facts.Feeds[0];
        IReadOnlyList<(string, SigningCertificateInfo)> current = [("metadata-signer.crt", _current)];

        Assert.Contains("<MetadataFilter type=\"RequireValidUntil\" maxValidityInterval=\"2419200\"/>", ConsumerSnippets.ShibbolethSp(feed, TimeSpan.FromDays(28), current), StringComparison.Ordinal);
        Assert.Contains("<MetadataFilter type=\"Signature\" certificate=\"metadata-signer.crt\"", ConsumerSnippets.ShibbolethSp(feed, TimeSpan.FromDays(28), current), StringComparison.Ordinal);
        var idp = ConsumerSnippets.ShibbolethIdp(feed, TimeSpan.FromDays(28), current);
        Assert.Contains("xsi:type=\"FileBackedHTTPMetadataProvider\"", idp, StringComparison.Ordinal);
        Assert.Contains("xsi:type=\"SignatureValidation\"", idp, StringComparison.Ordinal);
        Assert.Contains("xsi:type=\"RequiredValidUntil\" maxValidityInterval=\"P28D\"", idp, StringComparison.Ordinal);
        Assert.Contains("%{idp.home}/credentials/metadata-signer.crt", idp, StringComparison.Ordinal);
        var ssp = ConsumerSnippets.SimpleSamlPhp(feed, current);
        Assert.Contains("'certificates' => ['cert/metadata-signer.crt']", ssp, StringComparison.Ordinal);
        Assert.Contains($"'validateFingerprint' => '{_current.Sha256.ToColonHex()}'", ssp, StringComparison.Ordinal);
    }

    [Fact]
    public void During_an_announcement_every_snippet_trusts_the_current_and_the_next_key_in_one_filter()
    {
        var trusted = _facts.TrustedCertificates();
        var feed = _facts.Feeds[0];

        Assert.Equal(["metadata-signer.crt", "metadata-signer-next.crt"], trusted.Select(t => t.FileName));
        var sp = ConsumerSnippets.ShibbolethSp(feed, TimeSpan.FromDays(28), trusted);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sp, "type=\"Signature\""));
        Assert.Contains("<CredentialResolver type=\"File\" certificate=\"metadata-signer.crt\"/>", sp, StringComparison.Ordinal);
        Assert.Contains("<CredentialResolver type=\"File\" certificate=\"metadata-signer-next.crt\"/>", sp, StringComparison.Ordinal);
        var idp = ConsumerSnippets.ShibbolethIdp(feed, TimeSpan.FromDays(28), trusted);
        Assert.Contains("<security:Certificate>%{idp.home}/credentials/metadata-signer-next.crt</security:Certificate>", idp, StringComparison.Ordinal);
        Assert.Contains("<security:Certificate>%{idp.home}/credentials/metadata-signer.crt</security:Certificate>", idp, StringComparison.Ordinal);
        Assert.Contains("'certificates' => ['cert/metadata-signer.crt', 'cert/metadata-signer-next.crt']", ConsumerSnippets.SimpleSamlPhp(feed, trusted), StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_switch_the_previous_key_is_shown_as_previous_and_still_trusted_until_finish()
    {
        var switched = _facts with
        {
            Feeds = _facts.Feeds.Select(f => f with { Certificate = _next }).ToList(),
            Rollover = null,
            Previous = new PreviousSigningKey(_current, new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero)),
        };

        var files = FingerprintFiles.Render(switched);

        Assert.Equal(["metadata-signer.crt", "metadata-signer-previous.crt", "fingerprint.txt", "fingerprint.json", "fingerprint.html"], files.Select(f => f.Name));
        Assert.Equal(_next.Pem, Encoding.ASCII.GetString(files[0].Content.ToArray()));
        using var json = JsonDocument.Parse(FingerprintJson.Render(switched));
        Assert.Equal(_current.KeySha256.ToDisplayString(), json.RootElement.GetProperty("previousSigningKey").GetProperty("certificate").GetProperty("publicKeySha256").GetString());
        Assert.Contains("Previous signing key, not used since 2027-03-01 12:00:00Z", FingerprintText.Render(switched), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_rendered_by_headless_chromium_shows_every_fingerprint_and_is_kept_as_a_phone_screenshot()
    {
        foreach (var file in FingerprintFiles.Render(_facts))
        {
            File.WriteAllBytes(_directory.Combine(file.Name), file.Content.ToArray());
        }

        var page = new Uri(_directory.Combine("fingerprint.html")).AbsoluteUri;
        var artifacts = Directory.CreateDirectory(RepositoryRoot.Combine("out", "test-artifacts")).FullName;
        var phone = Path.Combine(artifacts, "fingerprint-phone.png");
        var fullPage = Path.Combine(artifacts, "fingerprint-phone-full.png");
        File.Delete(phone);

        var dom = Chromium("--dump-dom", page);
        Chromium($"--screenshot={phone}", "--window-size=390,844", page);
        Chromium($"--screenshot={fullPage}", "--window-size=390,3400", page);

        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(dom, "<[^>]+>", " "));
        foreach (var fingerprint in new[] { _current.Sha256, _current.Sha1, _next.Sha256, _next.Sha1 })
        {
            Assert.Contains(fingerprint.ToDisplayString(), text, StringComparison.Ordinal);
        }

        Assert.Contains("Test <Federation> & Co", text, StringComparison.Ordinal);
        Assert.Contains("2027-03-01 12:00:00Z", text, StringComparison.Ordinal);
        Assert.Contains("href=\"advisory.html\"", dom, StringComparison.Ordinal);
        Assert.True(new FileInfo(phone).Length > 10_000, "the screenshot is missing or blank");
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }

    private static string Chromium(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("fedmd-chromium-").FullName;
        try
        {
            var result = ExternalTool.Run("/usr/bin/chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}", .. arguments,
            ], timeout: TimeSpan.FromSeconds(90));
            Assert.True(result.ExitCode == 0, "chromium failed: " + result.Output);
            return result.StandardOutput;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
