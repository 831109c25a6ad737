using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Fedmd.Metadata.Xml;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Verification.Wrapping;

/// <summary>
/// Builds the signature-wrapping attacks from a legitimately signed aggregate. Where an attack needs a signature the
/// attacker could not make (another reference, another transform, SHA-1), it is made with the federation's own key,
/// which models the strongest attacker: one who replays or reshapes genuine signatures.
/// </summary>
internal sealed class WrappingAttacks(RSA key, X509Certificate2 certificate, byte[] legitimate)
{
    private const string Md = "urn:oasis:names:tc:SAML:2.0:metadata";
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;

    /// <summary>The signed root put inside a new, unsigned root that adds an entity of the attacker's.</summary>
    public byte[] WrappedInNewRoot()
    {
        var signed = SampleMetadata.Load(legitimate);
        var document = NewRoot("_attacker-root");
        document.DocumentElement!.AppendChild(document.ImportNode(signed.DocumentElement!, deep: true));
        return XmlDocumentBytes.ToUtf8(document);
    }

    /// <summary>
    /// The attacker's own entity as the new root, carrying the original root's ID and the original signature, with the
    /// original aggregate (same ID, signature taken out) hidden in its md:Extensions: a verifier that resolves the ID to
    /// the nested element checks the genuine content, finds the signature holds, and trusts the attacker's root.
    /// </summary>
    public byte[] SecondElementWithTheSameId()
    {
        var signed = SampleMetadata.Load(legitimate);
        var original = signed.DocumentElement!;
        var signature = Signature(original);
        original.RemoveChild(signature);
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = (XmlElement)document.AppendChild(AttackerEntity(document))!;
        root.SetAttribute("ID", SampleMetadata.RootId);
        root.SetAttribute("validUntil", original.GetAttribute("validUntil"));
        root.PrependChild(document.ImportNode(signature, deep: true));
        var extensions = root.AppendChild(document.CreateElement("md", "Extensions", Md))!;
        extensions.AppendChild(document.ImportNode(original, deep: true));
        return XmlDocumentBytes.ToUtf8(document);
    }

    /// <summary>A genuine signature over one child entity, placed where the aggregate's signature belongs.</summary>
    public byte[] ReferenceToChildEntity()
    {
        var document = SampleMetadata.UnsignedAggregate();
        var signature = Sign(document, "#" + SampleMetadata.ChildId, SignatureMethod.Default.Uri, SignatureMethod.Default.DigestUri, Transforms.Profile);
        document.DocumentElement!.PrependChild(document.ImportNode(signature, deep: true));
        return XmlDocumentBytes.ToUtf8(document);
    }

    /// <summary>A genuinely signed entity inside the genuinely signed aggregate: two signatures.</summary>
    public byte[] TwoSignatures()
    {
        var document = SampleMetadata.UnsignedAggregate();
        var child = (XmlElement)document.DocumentElement!.GetElementsByTagName("EntityDescriptor", Md)[0]!;
        child.PrependChild(document.ImportNode(Sign(document, "#" + SampleMetadata.ChildId, SignatureMethod.Default.Uri, SignatureMethod.Default.DigestUri, Transforms.Profile), deep: true));
        var rootSignature = Sign(document, "#" + SampleMetadata.RootId, SignatureMethod.Default.Uri, SignatureMethod.Default.DigestUri, Transforms.Profile);
        document.DocumentElement!.PrependChild(document.ImportNode(rootSignature, deep: true));
        return XmlDocumentBytes.ToUtf8(document);
    }

    /// <summary>The legitimate signature moved to be the root's last child.</summary>
    public byte[] SignatureNotFirstChild()
    {
        var document = SampleMetadata.Load(legitimate);
        var root = document.DocumentElement!;
        root.AppendChild(root.RemoveChild(Signature(root))!);
        return XmlDocumentBytes.ToUtf8(document);
    }

    /// <summary>A genuine signature whose Reference adds an inclusive c14n transform after the profile's two.</summary>
    public byte[] ExtraTransform() => SignRootWith(SignatureMethod.Default.Uri, SignatureMethod.Default.DigestUri, Transforms.ProfilePlusInclusive);

    /// <summary>A genuine signature whose Reference uses inclusive c14n instead of exclusive c14n.</summary>
    public byte[] DifferentTransform() => SignRootWith(SignatureMethod.Default.Uri, SignatureMethod.Default.DigestUri, Transforms.EnvelopedThenInclusive);

    /// <summary>A genuine signature whose SignedInfo is canonicalised with inclusive c14n.</summary>
    public byte[] InclusiveSignedInfoCanonicalization() =>
        SignRootWith(SignatureMethod.Default.Uri, SignatureMethod.Default.DigestUri, Transforms.Profile, SignedXml.XmlDsigCanonicalizationUrl);

    /// <summary>A genuine rsa-sha1 signature with a SHA-1 digest.</summary>
    public byte[] Sha1Signature() => SignRootWith(SignedXml.XmlDsigRSASHA1Url, SignedXml.XmlDsigSHA1Url, Transforms.Profile);

    /// <summary>A genuine rsa-sha256 signature over a SHA-1 digest.</summary>
    public byte[] Sha1Digest() => SignRootWith(SignatureMethod.Default.Uri, SignedXml.XmlDsigSHA1Url, Transforms.Profile);

    /// <summary>The content changed and signed again by an attacker's key, whose certificate rides along in KeyInfo.</summary>
    public byte[] AttackerKeyInfo(RSA attackerKey, X509Certificate2 attackerCertificate)
    {
        var document = SampleMetadata.Load(legitimate);
        var root = document.DocumentElement!;
        root.RemoveChild(Signature(root));
        root.AppendChild(AttackerEntity(document));
        return new EnvelopedMetadataSigner(attackerKey, attackerCertificate, SignatureMethod.Default)
            .Sign(SampleMetadata.Request(document));
    }

    /// <summary>
    /// A comment splits the organisation's name: exclusive c14n without comments drops it, so the digest holds, while a
    /// reader that takes the first text node sees only "Evil".
    /// </summary>
    public byte[] CommentInSignedText() => Replace(
        "<md:OrganizationName xml:lang=\"en\">Example University</md:OrganizationName>",
        "<md:OrganizationName xml:lang=\"en\">Example<!-- Evil --> University</md:OrganizationName>");

    /// <summary>
    /// An internal DTD with an entity and an ID declaration placed before the signed root. The signed bytes are
    /// unchanged, so the signature holds; a parser that honours the DTD lets it steer entity expansion and ID lookup.
    /// (The entity is declared, not used: xmlsec1 cannot canonicalise an unexpanded entity reference.)
    /// </summary>
    public byte[] DtdWithEntities()
    {
        var text = Encoding.UTF8.GetString(legitimate);
        var rootStart = text.IndexOf("<md:EntitiesDescriptor", StringComparison.Ordinal);
        const string dtd = "<!DOCTYPE md:EntitiesDescriptor [<!ENTITY org \"Evil University\"><!ATTLIST md:EntityDescriptor ID ID #IMPLIED>]>";
        return Encoding.UTF8.GetBytes(text[..rootStart] + dtd + text[rootStart..]);
    }

    private byte[] Replace(string original, string replacement)
    {
        var text = Encoding.UTF8.GetString(legitimate);
        if (!text.Contains(original, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the signed sample no longer contains {original}");
        }

        return Encoding.UTF8.GetBytes(text.Replace(original, replacement, StringComparison.Ordinal));
    }

    private byte[] SignRootWith(string signatureMethod, string digestMethod, Func<IEnumerable<Transform>> transforms, string canonicalization = SignedXml.XmlDsigExcC14NTransformUrl)
    {
        var document = SampleMetadata.UnsignedAggregate();
        var signature = Sign(document, "#" + SampleMetadata.RootId, signatureMethod, digestMethod, transforms, canonicalization);
        document.DocumentElement!.PrependChild(document.ImportNode(signature, deep: true));
        return XmlDocumentBytes.ToUtf8(document);
    }

    private XmlElement Sign(
        XmlDocument document, string uri, string signatureMethod, string digestMethod, Func<IEnumerable<Transform>> transforms,
        string canonicalization = SignedXml.XmlDsigExcC14NTransformUrl)
    {
        var signedXml = new SignedXml(document) { SigningKey = key };
        signedXml.SignedInfo!.CanonicalizationMethod = canonicalization;
        signedXml.SignedInfo.SignatureMethod = signatureMethod;
        var reference = new Reference(uri) { DigestMethod = digestMethod };
        foreach (var transform in transforms())
        {
            reference.AddTransform(transform);
        }

        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();
        return signedXml.GetXml();
    }

    private static XmlDocument NewRoot(string id)
    {
        var until = SampleMetadata.Load(XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate())).DocumentElement!.GetAttribute("validUntil");
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement("md", "EntitiesDescriptor", Md);
        root.SetAttribute("ID", id);
        root.SetAttribute("validUntil", until);
        document.AppendChild(root);
        root.AppendChild(AttackerEntity(document));
        return document;
    }

    private static XmlElement AttackerEntity(XmlDocument document)
    {
        var entity = document.CreateElement("md", "EntityDescriptor", Md);
        entity.SetAttribute("entityID", "https://attacker.example.net/idp");
        return entity;
    }

    private static XmlElement Signature(XmlElement root) =>
        root.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == "Signature" && e.NamespaceURI == Ds);

    private static class Transforms
    {
        public static IEnumerable<Transform> Profile() => [new XmlDsigEnvelopedSignatureTransform(), new XmlDsigExcC14NTransform()];

        public static IEnumerable<Transform> ProfilePlusInclusive() => [.. Profile(), new XmlDsigC14NTransform()];

        public static IEnumerable<Transform> EnvelopedThenInclusive() => [new XmlDsigEnvelopedSignatureTransform(), new XmlDsigC14NTransform()];
    }
}
