using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fedmd.Metadata.Values;
using Fedmd.Publisher.Publication;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Publisher.Support;

/// <summary>Small signed aggregates, signed in software with a throwaway key, and the strict verifier pinned to it.</summary>
public sealed class TestFeeds : IDisposable
{
    private readonly RSA _key;
    private readonly EnvelopedMetadataSigner _signer;

    public TestFeeds()
    {
        (_key, Certificate) = TestCertificates.CreateRsa("fedmd publisher test signer");
        _signer = new EnvelopedMetadataSigner(_key, Certificate, SignatureMethod.Default);
        Verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [Certificate] });
    }

    public X509Certificate2 Certificate { get; }

    public StrictVerifier Verifier { get; }

    /// <summary>A signed feed whose content differs with <paramref name="serial"/> (entity ID and size).</summary>
    public SignedFeed Feed(int serial, string fileName = "federation-metadata.xml")
    {
        var validUntil = DateTimeOffset.UtcNow.AddDays(5);
        var padding = new string('x', 2000 + (serial * 97 % 5000));
        var xml = string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_feed{serial}" Name="urn:test:fedmd"
                validUntil="{validUntil.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" cacheDuration="PT6H">
              <md:EntityDescriptor entityID="https://sp{serial}.example.org/shibboleth">
                <md:Organization>
                  <md:OrganizationName xml:lang="en">Publication {serial} {padding}</md:OrganizationName>
                  <md:OrganizationDisplayName xml:lang="en">Publication {serial}</md:OrganizationDisplayName>
                  <md:OrganizationURL xml:lang="en">https://sp{serial}.example.org/</md:OrganizationURL>
                </md:Organization>
              </md:EntityDescriptor>
            </md:EntitiesDescriptor>
            """);
        var signed = _signer.Sign(new SigningRequest(Path.GetFileNameWithoutExtension(fileName), Encoding.UTF8.GetBytes(xml), 1, validUntil));
        return new SignedFeed(fileName, signed, validUntil, XsDuration.Parse("PT6H"), 1);
    }

    /// <summary>A publication of one feed, a page and a report.</summary>
    public PublicationSet Publication(int serial) => new(
        [Feed(serial)],
        [new PublicationFile("fingerprint.txt", Encoding.UTF8.GetBytes($"publication {serial}\n"))],
        [new PublicationFile("report.txt", Encoding.UTF8.GetBytes($"report {serial}\n"))],
        DateTimeOffset.UtcNow);

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }
}
