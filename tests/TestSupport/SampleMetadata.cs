using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Fedmd.Metadata.Xml;
using Fedmd.Signer.Signing;
using Fedmd.Verification;

namespace Fedmd.TestSupport;

/// <summary>A small unsigned aggregate written for these tests, and the same document signed the pipeline's way.</summary>
public static class SampleMetadata
{
    public const string RootId = "_fedmd-test-aggregate";

    public const string ChildId = "_child-entity";

    public static XmlDocument UnsignedAggregate(DateTimeOffset? validUntil = null)
    {
        var until = (validUntil ?? DateTimeOffset.UtcNow.AddDays(10)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var xml =
            $"<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" ID=\"{RootId}\" Name=\"https://fedmd.example.ac.za/test\" validUntil=\"{until}\">" +
            $"<md:EntityDescriptor ID=\"{ChildId}\" entityID=\"https://idp.example.ac.za/idp\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" +
            "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.example.ac.za/sso\"/></md:IDPSSODescriptor>" +
            "<md:Organization><md:OrganizationName xml:lang=\"en\">Example University</md:OrganizationName><md:OrganizationDisplayName xml:lang=\"en\">Example University</md:OrganizationDisplayName>" +
            "<md:OrganizationURL xml:lang=\"en\">https://www.example.ac.za/</md:OrganizationURL></md:Organization></md:EntityDescriptor>" +
            "<md:EntityDescriptor entityID=\"https://sp.example.ac.za/sp\"><md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" +
            "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://sp.example.ac.za/acs\" index=\"1\"/></md:SPSSODescriptor></md:EntityDescriptor>" +
            "</md:EntitiesDescriptor>";
        return new SafeXmlLoader(1024 * 1024).Load(System.Text.Encoding.UTF8.GetBytes(xml));
    }

    public static SigningRequest Request(XmlDocument document, DateTimeOffset? validUntil = null) =>
        new("test-feed", XmlDocumentBytes.ToUtf8(document), 2, validUntil);

    public static byte[] Sign(AsymmetricAlgorithm key, X509Certificate2 certificate, SignatureMethod? method = null, DateTimeOffset? validUntil = null) =>
        new EnvelopedMetadataSigner(key, certificate, method ?? SignatureMethod.Default).Sign(Request(UnsignedAggregate(validUntil)));

    public static XmlDocument Load(byte[] bytes) => new SafeXmlLoader(16 * 1024 * 1024).Load(bytes);
}
