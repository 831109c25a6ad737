using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Signs the way SAML metadata consumers expect: an enveloped signature as the root's first child, exclusive
/// canonicalisation, one Reference to the root's ID, and the certificate in KeyInfo. The key signs through
/// <paramref name="signingKey"/>, which may live on a token.
/// </summary>
public sealed class EnvelopedMetadataSigner(RSA signingKey, X509Certificate2 certificate, SignatureProfile profile) : IMetadataSigner
{
    /// <inheritdoc />
    public byte[] Sign(SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = request.Document;
        var root = document.DocumentElement
            ?? throw new FedmdException(FailureKind.InvalidDocument, "the document to sign has no root element");
        var id = root.GetAttribute("ID");
        if (id.Length == 0)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"the root element {root.Name} has no ID attribute, so a signature cannot reference it");
        }

        try
        {
            XmlConvert.VerifyNCName(id);
        }
        catch (XmlException)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"the root ID '{id}' is not an NCName (it must not start with a digit); XML Signature references need one");
        }

        if (root.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl).Count > 0)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                "the document already carries a ds:Signature; sign an unsigned document (remove the old signature first)");
        }

        var signedXml = new SignedXml(document) { SigningKey = signingKey };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = profile.SignatureMethod;
        var reference = new Reference("#" + id) { DigestMethod = profile.DigestMethod };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();

        var signature = document.ImportNode(signedXml.GetXml(), deep: true);
        root.InsertBefore(signature, root.FirstChild);
        return XmlDocumentBytes.ToUtf8(document);
    }
}
