using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Fedmd.Bench;
using Fedmd.Metadata.Xml;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Bench;

/// <summary>The benchmark registry: deterministic for a seed, varied, well-formed, and signable end to end.</summary>
public sealed class RegistryCorpusTests
{
    private static readonly DateTimeOffset ValidUntil = DateTimeOffset.UtcNow.Date.AddDays(7);

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        Assert.Equal(Aggregate(3, 40), Aggregate(3, 40));
        Assert.NotEqual(Aggregate(3, 40), Aggregate(4, 40));
    }

    [Fact]
    public void Entities_are_varied_identity_and_service_providers_with_rsa_and_ec_keys()
    {
        var document = new SafeXmlLoader(64L * 1024 * 1024).Load(Aggregate(5, 200));
        var entities = document.GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata).Cast<XmlElement>().ToList();

        Assert.Equal(200, entities.Count);
        Assert.Equal(200, entities.Select(e => e.OuterXml).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(entities, e => e.GetElementsByTagName("IDPSSODescriptor", SamlNamespaces.Metadata).Count > 0);
        Assert.Contains(entities, e => e.GetElementsByTagName("SPSSODescriptor", SamlNamespaces.Metadata).Count > 0);
        Assert.True(entities.Select(e => e.Prefix).Distinct().Count() >= 3, "several prefix styles");
        var certificates = document.GetElementsByTagName("X509Certificate", "http://www.w3.org/2000/09/xmldsig#").Cast<XmlElement>()
            .Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c.InnerText)))
            .ToList();
        Assert.Contains(certificates, c => c.GetRSAPublicKey() is not null);
        Assert.Contains(certificates, c => c.GetECDsaPublicKey() is not null);
        var text = Encoding.UTF8.GetString(Aggregate(5, 200));
        Assert.Contains("<![CDATA[", text, StringComparison.Ordinal);
        Assert.Contains("<!--", text, StringComparison.Ordinal);
        Assert.Contains("&#", text, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", text, StringComparison.Ordinal);
        Assert.Contains(text, c => c > 0x3000);
    }

    [Fact]
    public void Nearly_every_identity_provider_has_an_english_display_name_as_in_real_registries()
    {
        var document = new SafeXmlLoader(64L * 1024 * 1024).Load(Aggregate(7, 400));
        var entities = document.GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata).Cast<XmlElement>().ToList();
        var idps = entities.Where(e => e.GetElementsByTagName("IDPSSODescriptor", SamlNamespaces.Metadata).Count > 0).ToList();
        var english = idps.Count(e => e.GetElementsByTagName("DisplayName", "urn:oasis:names:tc:SAML:metadata:ui").Cast<XmlElement>()
            .Any(n => n.GetAttribute("xml:lang") == "en"));

        Assert.True(idps.Count > 50, $"{idps.Count} identity providers");
        Assert.InRange(english * 100 / idps.Count, 85, 99);
    }

    [Fact]
    public void Each_entity_file_stands_alone_and_the_aggregate_signs_and_verifies()
    {
        var corpus = new RegistryCorpus(9, ValidUntil);
        for (var i = 0; i < 20; i++)
        {
            var entity = new SafeXmlLoader().Load(corpus.EntityFile(i)).DocumentElement!;
            Assert.Equal(("EntityDescriptor", SamlNamespaces.Metadata), (entity.LocalName, entity.NamespaceURI));
        }

        var (key, certificate) = TestCertificates.CreateRsa("bench-corpus");
        using (key)
        {
            var signed = new EnvelopedMetadataSigner(key, certificate, SignatureMethod.Default).Sign(new SigningRequest("bench", Aggregate(9, 50), 50, null));

            var result = new StrictVerifier(new VerificationOptions { PinnedCertificates = [certificate] }).Verify(signed);

            Assert.True(result.IsValid, result.Failure);
        }
    }

    private static byte[] Aggregate(int seed, int entities)
    {
        using var output = new MemoryStream();
        new RegistryCorpus(seed, ValidUntil).WriteAggregate(output, entities);
        return output.ToArray();
    }
}
