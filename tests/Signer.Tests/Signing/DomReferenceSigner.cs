using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Metadata.Xml;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Signing;

/// <summary>
/// The reference implementation the streaming signer is compared with: the profile's signature made by .NET's
/// SignedXml over a DOM, as fedmd signed before it streamed.
/// </summary>
internal static class DomReferenceSigner
{
    public static byte[] Sign(byte[] unsigned, AsymmetricAlgorithm key, X509Certificate2 certificate, SignatureMethod method)
    {
        var document = new SafeXmlLoader(64L * 1024 * 1024).Load(unsigned);
        var root = document.DocumentElement!;
        var signedXml = new RootOnlySignedXml(document) { SigningKey = key };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = method.Uri;
        var reference = new Reference("#" + root.GetAttribute("ID")) { DigestMethod = method.DigestUri };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();
        root.InsertBefore(document.ImportNode(signedXml.GetXml(), deep: true), root.FirstChild);
        return XmlDocumentBytes.ToUtf8(document);
    }

    /// <summary>The text of the one ds:DigestValue or ds:SignatureValue of a signed document.</summary>
    public static string Value(byte[] signed, string name) =>
        new SafeXmlLoader(64L * 1024 * 1024).Load(signed).GetElementsByTagName(name, SignedXml.XmlDsigNamespaceUrl).Cast<XmlElement>().Single().InnerText;
}
