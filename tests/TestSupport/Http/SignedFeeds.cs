using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Signer.Signing;
using Fedmd.Verification;

namespace Fedmd.TestSupport.Http;

/// <summary>Signed feeds made for the tests with a throwaway software key (the HSM path is tested elsewhere).</summary>
public sealed class SignedFeeds
{
    private readonly RSA _key;

    /// <summary>Creates a signer with a new key and certificate.</summary>
    public SignedFeeds(string name)
    {
        (_key, Certificate) = TestCertificates.CreateRsa(name);
    }

    /// <summary>The certificate participants pin.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>An unsigned aggregate of one sample entity, with the given validUntil and a marker in its Name.</summary>
    public static string UnsignedFeed(DateTimeOffset validUntil, string name = "https://fedmd.example.ac.za/metadata")
    {
        var entity = File.ReadAllText(RepositoryRoot.Combine("metadata-samples", "sp-library.xml"));
        entity = entity[(entity.IndexOf("?>", StringComparison.Ordinal) + 2)..];
        var until = validUntil.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"""<?xml version="1.0" encoding="UTF-8"?><md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_feed" Name="{name}" validUntil="{until}">{entity}</md:EntitiesDescriptor>""";
    }

    /// <summary>A signed feed valid for <paramref name="validFor"/> from now.</summary>
    public byte[] SignedFeed(TimeSpan validFor, string name = "https://fedmd.example.ac.za/metadata") =>
        Sign(UnsignedFeed(DateTimeOffset.UtcNow + validFor, name));

    /// <summary>Signs an unsigned document.</summary>
    public byte[] Sign(string document)
    {
        return new EnvelopedMetadataSigner(_key, Certificate, SignatureMethod.Default).Sign(new SigningRequest("feed", System.Text.Encoding.UTF8.GetBytes(document), 1, null));
    }
}
