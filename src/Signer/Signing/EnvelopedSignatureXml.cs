using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Verification;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Signer.Signing;

/// <summary>
/// The text of the profile's ds:Signature (exclusive c14n, one Reference to the root, enveloped-signature and
/// exclusive c14n transforms, the certificate in KeyInfo), written directly instead of through a DOM. The element
/// declares the XML Signature namespace as its default, as SignedXml and the Shibboleth aggregator write it, so it means the same wherever it is spliced.
/// </summary>
internal static class EnvelopedSignatureXml
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;

    /// <summary>The ds:SignedInfo for a Reference to <paramref name="rootId"/> with the given digest.</summary>
    public static string SignedInfo(SignatureMethod method, string rootId, byte[] digest) =>
        "<SignedInfo>" +
        $"<CanonicalizationMethod Algorithm=\"{SignedXml.XmlDsigExcC14NTransformUrl}\"/>" +
        $"<SignatureMethod Algorithm=\"{method.Uri}\"/>" +
        $"<Reference URI=\"#{SecurityElement.Escape(rootId)}\">" +
        "<Transforms>" +
        $"<Transform Algorithm=\"{SignedXml.XmlDsigEnvelopedSignatureTransformUrl}\"/>" +
        $"<Transform Algorithm=\"{SignedXml.XmlDsigExcC14NTransformUrl}\"/>" +
        "</Transforms>" +
        $"<DigestMethod Algorithm=\"{method.DigestUri}\"/>" +
        $"<DigestValue>{Convert.ToBase64String(digest)}</DigestValue>" +
        "</Reference>" +
        "</SignedInfo>";

    /// <summary>The whole ds:Signature element around <paramref name="signedInfo"/>.</summary>
    public static string Signature(string signedInfo, byte[] signatureValue, X509Certificate2 certificate) =>
        $"<Signature xmlns=\"{Ds}\">" +
        signedInfo +
        $"<SignatureValue>{Convert.ToBase64String(signatureValue)}</SignatureValue>" +
        $"<KeyInfo><X509Data><X509Certificate>{Convert.ToBase64String(certificate.RawData)}</X509Certificate></X509Data></KeyInfo>" +
        "</Signature>";

    /// <summary>
    /// The bytes the signature value covers: <paramref name="signedInfo"/> canonicalised as it stands inside its
    /// ds:Signature, by the same canonicaliser that digests the document.
    /// </summary>
    public static byte[] CanonicalSignedInfo(string signedInfo)
    {
        var wrapped = $"<Signature xmlns=\"{Ds}\">{signedInfo}</Signature>";
        using var reader = XmlReader.Create(new StringReader(wrapped), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        reader.MoveToContent();
        reader.Read();
        using var output = new MemoryStream();
        new ExclusiveCanonicalWriter(output).WriteSubtree(reader, omitEnvelopedSignature: false);
        return output.ToArray();
    }
}
