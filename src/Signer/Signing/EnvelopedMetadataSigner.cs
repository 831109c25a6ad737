using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;
using Fedmd.Verification;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Signs the way SAML metadata consumers expect: an enveloped signature as the root's first child, exclusive
/// canonicalisation, one Reference to the root's ID, and the certificate in KeyInfo. The key signs through
/// <paramref name="signingKey"/> (an <see cref="RSA"/> or <see cref="ECDsa"/>, matching <paramref name="method"/>'s key
/// family), which may live on a token; the Reference digest is the method's.
/// </summary>
public sealed class EnvelopedMetadataSigner(AsymmetricAlgorithm signingKey, X509Certificate2 certificate, SignatureMethod method) : IMetadataSigner
{
    /// <inheritdoc />
    public byte[] Sign(SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (document, root, id) = RootWithId(request);
        try
        {
            XmlConvert.VerifyNCName(id);
        }
        catch (XmlException)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"the root ID '{id}' is not an NCName (it must not start with a digit); XML Signature references need one");
        }

        return SignRoot(document, root, id);
    }

    /// <summary>
    /// Signs a root whose ID is not an NCName. Exists only so that the golden sample of the Shibboleth Metadata
    /// Aggregator (root ID <c>1234</c>) can be reproduced byte for byte in a test; the pipeline never calls it.
    /// </summary>
    internal byte[] SignAllowingAnyRootId(SigningRequest request)
    {
        var (document, root, id) = RootWithId(request);
        return SignRoot(document, root, id);
    }

    private static (XmlDocument Document, XmlElement Root, string Id) RootWithId(SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = request.Document;
        var root = document.DocumentElement
            ?? throw new FedmdException(FailureKind.InvalidDocument, "the document to sign has no root element");
        var id = root.GetAttribute("ID");
        return id.Length > 0
            ? (document, root, id)
            : throw new FedmdException(FailureKind.InvalidDocument,
                $"the root element {root.Name} has no ID attribute, so a signature cannot reference it");
    }

    private byte[] SignRoot(XmlDocument document, XmlElement root, string id)
    {
        if (root.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl).Count > 0)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                "the document already carries a ds:Signature; sign an unsigned document (remove the old signature first)");
        }

        // The reference is resolved to the root itself, never by searching the document for the ID.
        var signedXml = new RootOnlySignedXml(document) { SigningKey = signingKey };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = method.Uri;
        var reference = new Reference("#" + id) { DigestMethod = method.DigestUri };
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
