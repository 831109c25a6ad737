using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>One pass over the project's samples, signed on a SoftHSM2 token, judged by xmlsec1, samlsign and fedmd.</summary>
public sealed partial class OnePassTests : IClassFixture<OnePassTests.Published>
{
    private readonly Published _published;

    public OnePassTests(Published published) => _published = published;

    [Fact]
    public void The_pass_succeeds_and_reports_every_sample_accepted()
    {
        Assert.True(_published.Run.ExitCode == 0, _published.Run.Output);
        var samples = Directory.GetFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml").Length;
        Assert.Contains($"Entities accepted: {samples}", _published.Run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Entities rejected: 0", _published.Run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Xmlsec1_accepts_the_aggregate_with_only_the_public_key_of_the_published_certificate()
    {
        var result = IndependentVerifiers.Xmlsec1(_published.Environment.PublishedFeed, _published.Environment.PublishedCertificate);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Samlsign_accepts_the_aggregate_with_the_published_certificate()
    {
        var result = IndependentVerifiers.Samlsign(_published.Environment.PublishedFeed, _published.Environment.PublishedCertificate);

        Assert.True(result.ExitCode == 0 && !result.Output.Contains("ERROR", StringComparison.Ordinal), result.Output);
    }

    [Fact]
    public void Fedmd_verify_accepts_the_aggregate_pinned_to_the_published_certificate()
    {
        var result = FedmdCli.Run(["verify", "--file", _published.Environment.PublishedFeed, "--cert", _published.Environment.PublishedCertificate]);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void One_changed_character_in_an_entity_is_rejected_by_xmlsec1_samlsign_and_fedmd()
    {
        var tampered = _published.Environment.Combine("tampered.xml");
        var text = File.ReadAllText(_published.Environment.PublishedFeed);
        var at = text.IndexOf("idp.uni-a.example.ac.za", StringComparison.Ordinal);
        Assert.True(at > 0);
        File.WriteAllText(tampered, text[..at] + "idp.uni-b" + text[(at + "idp.uni-a".Length)..]);
        var certificate = _published.Environment.PublishedCertificate;

        Assert.False(IndependentVerifiers.Xmlsec1Accepts(tampered, certificate));
        Assert.False(IndependentVerifiers.SamlsignAccepts(tampered, certificate));
        var verify = FedmdCli.Run(["verify", "--file", tampered, "--cert", certificate]);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("does not verify", verify.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aggregate_has_the_federation_shape()
    {
        var document = new SafeXmlLoader().LoadFile(_published.Environment.PublishedFeed);
        var root = document.DocumentElement!;
        var namespaces = new XmlNamespaceManager(document.NameTable);
        namespaces.AddNamespace("md", SamlNamespaces.Metadata);
        namespaces.AddNamespace("mdrpi", SamlNamespaces.Rpi);

        Assert.Equal(("EntitiesDescriptor", SamlNamespaces.Metadata), (root.LocalName, root.NamespaceURI));
        Assert.Matches(RootIdPattern(), root.GetAttribute("ID"));
        Assert.Equal("https://fedmd.example.ac.za/metadata", root.GetAttribute("Name"));
        Assert.Equal("PT6H", root.GetAttribute("cacheDuration"));
        var validUntil = DateTimeOffset.Parse(root.GetAttribute("validUntil"), CultureInfo.InvariantCulture);
        Assert.InRange(validUntil - _published.StartedAt, TimeSpan.FromDays(10) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(10) + TimeSpan.FromMinutes(5));
        var publication = (XmlElement)root.SelectSingleNode("md:Extensions/mdrpi:PublicationInfo", namespaces)!;
        Assert.Equal("https://fedmd.example.ac.za", publication.GetAttribute("publisher"));
        Assert.Equal(("Signature", SamlNamespaces.DSig), (root.FirstChild!.LocalName, root.FirstChild.NamespaceURI));

        var entityIds = root.SelectNodes("md:EntityDescriptor", namespaces)!.OfType<XmlElement>().Select(e => e.GetAttribute("entityID")).ToList();
        Assert.Equal(entityIds.Order(StringComparer.Ordinal), entityIds);
        Assert.Equal(Directory.GetFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml").Length, entityIds.Count);
    }

    [Fact]
    public void The_published_certificate_is_the_token_certificate_and_the_page_shows_its_fingerprints()
    {
        using var published = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(_published.Environment.PublishedCertificate);
        Assert.Equal(_published.Environment.Token.Certificate.RawData, published.RawData);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(_published.Environment.PublishedCertificate), StringComparison.Ordinal);

        var page = File.ReadAllText(Path.Combine(_published.Environment.PublishDirectory, "fingerprint.html"));
        Assert.Contains(CertificateFingerprint.Of(published, FingerprintAlgorithm.Sha256).ToColonHex() + " (SHA256)", page, StringComparison.Ordinal);
        Assert.Contains(CertificateFingerprint.Of(published, FingerprintAlgorithm.Sha1).ToColonHex() + " (SHA1)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pin_appears_in_no_log_line_and_no_output()
    {
        Assert.NotEmpty(_published.Environment.LogText());
        Assert.DoesNotContain(TestToken.UserPinValue, _published.Environment.LogText(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestToken.UserPinValue, _published.Run.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex("^_[0-9a-f]{32}$")]
    private static partial Regex RootIdPattern();

    /// <summary>One `fedmd run --once` shared by the tests of this class.</summary>
    public sealed class Published : IDisposable
    {
        public Published()
        {
            StartedAt = DateTimeOffset.UtcNow;
            Run = Environment.Fedmd("run", "--once");
        }

        public PassEnvironment Environment { get; } = new();

        public ToolResult Run { get; }

        public DateTimeOffset StartedAt { get; }

        public void Dispose() => Environment.Dispose();
    }
}
