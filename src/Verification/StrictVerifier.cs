using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Verification.Canonicalization;
using Fedmd.Verification.Streaming;

namespace Fedmd.Verification;

/// <summary>
/// Verifies a signed metadata document the strict way: safe parsing, exactly one signature at the root's first
/// child, a fixed signature profile, ID lookup that only finds the root, keys only from pinned material, and a
/// bounded validUntil. Used for the pipeline's self-check, <c>fedmd verify</c>, and fetched feeds.
/// </summary>
public sealed class StrictVerifier
{
    private const string NotFirstChildProblem = "the ds:Signature is not the root element's first child";
    private const string NoPinnedKeyProblem = "no pinned key applies: the certificate in KeyInfo matches none of the pinned fingerprints";
    private const string DoesNotVerifyProblem = "the signature does not verify with any pinned key (the document was changed after signing, or signed by another key)";
    private static readonly string[] IdAttributeNames = ["ID", "Id", "id"];
    private readonly VerificationOptions _options;

    /// <summary>Creates the verifier; keys come only from <paramref name="options"/>.</summary>
    public StrictVerifier(VerificationOptions options)
    {
        _options = options;
    }

    /// <summary>
    /// Verifies a document given as bytes, in one streaming pass; an accepted result carries what was signed.
    /// </summary>
    public VerificationResult Verify(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > _options.MaxBytes)
        {
            return VerificationResult.Refused($"document is {bytes.Length} bytes, over the limit of {_options.MaxBytes}");
        }

        using var signedContent = new MemoryStream();
        var result = Verify(AsStream(bytes), signedContent);
        return result.IsValid ? result.WithSignedContent(signedContent.ToArray()) : result;
    }

    /// <summary>
    /// Verifies a document read from <paramref name="document"/> in one pass, without a DOM of the content: the
    /// profile puts the signature first, so the digest it names is computed as the rest streams past. What was
    /// signed (the root's canonical form) is written to <paramref name="signedContent"/> in the same pass; it is
    /// only meaningful when the result is accepted.
    /// </summary>
    public VerificationResult Verify(Stream document, Stream? signedContent)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.CanSeek && document.Length - document.Position > _options.MaxBytes)
        {
            return VerificationResult.Refused($"document is {document.Length - document.Position} bytes, over the limit of {_options.MaxBytes}");
        }

        SignedDocumentScan scan;
        try
        {
            scan = SignedDocumentScan.Read(document, new SafeXmlLoader(_options.MaxBytes).CreateReaderSettings(), signedContent);
        }
        catch (XmlException e)
        {
            return VerificationResult.Refused(SafeXmlLoader.Describe(e));
        }

        return Verify(scan);
    }

    /// <summary>
    /// Verifies a document whose enveloped signature is written last, as the self-check does while the signer is still
    /// writing: <paramref name="document"/> is read once to its end (its reads may wait for the writer), the content
    /// digested with every digest the allowed methods name; then <paramref name="finalSignature"/> is asked for the
    /// bytes at the signature's place (offset from where reading began, and length), final by then, and judged as
    /// a signature read in place would be. Accepts exactly what <see cref="Verify(Stream, Stream?)"/> accepts for
    /// the same final bytes; a document outside the byte-level subset is refused with a reason that says so, to be
    /// verified in order instead.
    /// </summary>
    public VerificationResult VerifyWithSignatureLast(Stream document, Func<long, int, byte[]> finalSignature)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(finalSignature);
        SignedDocumentScan? scan;
        try
        {
            scan = SignedDocumentScan.ReadWithSignatureLast(document, new SafeXmlLoader(_options.MaxBytes).CreateReaderSettings(), _options.AllowedSignatureMethods.Select(m => m.Hash));
            if (scan is null)
            {
                return VerificationResult.Refused("the document is outside the byte-level subset that can be verified with its signature read last; verify it in order");
            }

            if (scan.FirstChild.Offset >= 0)
            {
                scan.AcceptFinalSignature(finalSignature(scan.FirstChild.Offset, scan.FirstChild.Length));
            }
        }
        catch (XmlException e)
        {
            return VerificationResult.Refused(SafeXmlLoader.Describe(e));
        }

        return Verify(scan);
    }

    /// <summary>
    /// The reference implementation the streaming path is tested against: the whole document as a DOM and .NET's
    /// SignedXml, with the same checks in the same order.
    /// </summary>
    internal VerificationResult VerifyWithDom(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > _options.MaxBytes)
        {
            return VerificationResult.Refused($"document is {bytes.Length} bytes, over the limit of {_options.MaxBytes}");
        }

        XmlDocument document;
        try
        {
            document = new SafeXmlLoader(_options.MaxBytes).Load(bytes);
        }
        catch (UnsafeXmlException e)
        {
            return VerificationResult.Refused(e.Message);
        }

        return Verify(document);
    }

    private VerificationResult Verify(SignedDocumentScan scan)
    {
        if (scan.RootNamespace != SamlNamespaces.Metadata || scan.RootLocalName is not ("EntitiesDescriptor" or "EntityDescriptor"))
        {
            return VerificationResult.Refused($"root element is {{{scan.RootNamespace}}}{scan.RootLocalName}, not md:EntitiesDescriptor or md:EntityDescriptor");
        }

        if (scan.RootId.Length == 0)
        {
            return VerificationResult.Refused("the root element has no ID, so nothing can reference it");
        }

        var structural = scan.SignatureCount != 1
            ? SignatureCountProblem(scan.SignatureCount)
            : scan.Signature is null
                ? NotFirstChildProblem
                : scan.ElementWithRootId is { } wrapper
                    ? WrappingProblem(wrapper, scan.RootId)
                    : scan.ElementSplitByComment is { } split ? CommentSplitProblem(split) : null;
        if (structural is not null)
        {
            return VerificationResult.Refused(structural);
        }

        var signature = scan.Signature!;
        var profileViolation = SignatureProfileCheck.FindViolation(signature, scan.RootId, _options.AllowedSignatureMethods);
        if (profileViolation is not null)
        {
            return VerificationResult.Refused(profileViolation);
        }

        var candidates = PinnedCandidates(signature);
        if (candidates.Count == 0)
        {
            return VerificationResult.Refused(NoPinnedKeyProblem);
        }

        var signer = candidates.FirstOrDefault(c => StreamedSignatureHolds(scan.Digest, signature, c));
        if (signer is null)
        {
            return VerificationResult.Refused(DoesNotVerifyProblem);
        }

        var validity = CheckValidUntil(scan.ValidUntil, out var validUntil);
        return validity is not null
            ? VerificationResult.Refused(validity)
            : VerificationResult.Accepted(CertificateFingerprint.Of(signer, FingerprintAlgorithm.Sha256), validUntil, null);
    }

    private VerificationResult Verify(XmlDocument document)
    {
        var root = document.DocumentElement!;
        if (root.NamespaceURI != SamlNamespaces.Metadata || root.LocalName is not ("EntitiesDescriptor" or "EntityDescriptor"))
        {
            return VerificationResult.Refused($"root element is {{{root.NamespaceURI}}}{root.LocalName}, not md:EntitiesDescriptor or md:EntityDescriptor");
        }

        var rootId = root.GetAttribute("ID");
        if (rootId.Length == 0)
        {
            return VerificationResult.Refused("the root element has no ID, so nothing can reference it");
        }

        var structural = FindStructuralProblem(document, root, rootId);
        if (structural is not null)
        {
            return VerificationResult.Refused(structural);
        }

        var signature = (XmlElement)document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!;
        var profileViolation = SignatureProfileCheck.FindViolation(signature, rootId, _options.AllowedSignatureMethods);
        if (profileViolation is not null)
        {
            return VerificationResult.Refused(profileViolation);
        }

        var candidates = PinnedCandidates(signature);
        if (candidates.Count == 0)
        {
            return VerificationResult.Refused(NoPinnedKeyProblem);
        }

        var signer = candidates.FirstOrDefault(c => SignatureHolds(document, signature, c));
        if (signer is null)
        {
            return VerificationResult.Refused(DoesNotVerifyProblem);
        }

        var validity = CheckValidUntil(root.GetAttribute("validUntil"), out var validUntil);
        if (validity is not null)
        {
            return VerificationResult.Refused(validity);
        }

        return VerificationResult.Accepted(
            CertificateFingerprint.Of(signer, FingerprintAlgorithm.Sha256), validUntil, SignedContent(root, signature));
    }

    private static string? FindStructuralProblem(XmlDocument document, XmlElement root, string rootId)
    {
        var signatures = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (signatures.Count != 1)
        {
            return SignatureCountProblem(signatures.Count);
        }

        if (root.ChildNodes.OfType<XmlElement>().FirstOrDefault() != signatures[0])
        {
            return NotFirstChildProblem;
        }

        foreach (var element in root.SelectNodes("descendant::*")!.OfType<XmlElement>())
        {
            if (IdAttributeNames.Any(name => element.GetAttribute(name) == rootId))
            {
                return WrappingProblem(element.Name, rootId);
            }
        }

        foreach (var comment in root.SelectNodes("descendant::comment()")!.OfType<XmlComment>())
        {
            var parent = comment.ParentNode!;
            if (parent.ChildNodes.OfType<XmlCharacterData>().Any(t => t is XmlText or XmlCDataSection && !string.IsNullOrWhiteSpace(t.Value)))
            {
                return CommentSplitProblem(parent.Name);
            }
        }

        return null;
    }

    private static string SignatureCountProblem(int count) =>
        $"the document holds {count} ds:Signature elements; exactly one, at the root, is allowed";

    private static string WrappingProblem(string element, string rootId) =>
        $"element {element} inside the document carries the root's ID '{rootId}' (a signature-wrapping pattern)";

    private static string CommentSplitProblem(string element) =>
        $"a comment splits the text of element {element}; comments are not signed, so the text a reader sees could differ from what was signed";

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    // The profile check has run: SignedInfo is the first child and holds exactly one Reference with one DigestValue.
    // A hostile value (bad base64, a missing SignatureValue) is a refusal, never a crash.
    private static bool StreamedSignatureHolds(byte[]? digest, XmlElement signature, X509Certificate2 certificate)
    {
        try
        {
            var signedInfo = DsChildren(signature).First();
            var reference = DsChildren(signedInfo).Single(e => e.LocalName == "Reference");
            var digestValue = Convert.FromBase64String(DsChildren(reference).Single(e => e.LocalName == "DigestValue").InnerText);
            if (digest is null || !CryptographicOperations.FixedTimeEquals(digest, digestValue))
            {
                return false;
            }

            var signatureValue = DsChildren(signature).FirstOrDefault(e => e.LocalName == "SignatureValue");
            var methodUri = DsChildren(signedInfo).Single(e => e.LocalName == "SignatureMethod").GetAttribute("Algorithm");
            if (signatureValue is null || !SignatureMethod.TryFromUri(methodUri, out var method))
            {
                return false;
            }

            var value = Convert.FromBase64String(signatureValue.InnerText);
            var canonical = CanonicalSignedInfo(signedInfo);
            if (method.KeyFamily == KeyFamily.Rsa)
            {
                using var rsa = certificate.GetRSAPublicKey();
                return rsa is not null && rsa.VerifyData(canonical, value, method.Hash, RSASignaturePadding.Pkcs1);
            }

            using var ecdsa = certificate.GetECDsaPublicKey();
            return ecdsa is not null && ecdsa.VerifyData(canonical, value, method.Hash);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or XmlException or InvalidOperationException)
        {
            return false;
        }
    }

    private static IEnumerable<XmlElement> DsChildren(XmlElement parent) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.NamespaceURI == SignedXml.XmlDsigNamespaceUrl);

    private static byte[] CanonicalSignedInfo(XmlElement signedInfo)
    {
        using var reader = new XmlNodeReader(signedInfo);
        reader.Read();
        using var output = new MemoryStream();
        new ExclusiveCanonicalWriter(output).WriteSubtree(reader, omitEnvelopedSignature: false);
        return output.ToArray();
    }

    private List<X509Certificate2> PinnedCandidates(XmlElement signature)
    {
        var candidates = new List<X509Certificate2>(_options.PinnedCertificates);
        if (_options.PinnedFingerprints.Count == 0)
        {
            return candidates;
        }

        foreach (var node in signature.GetElementsByTagName("X509Certificate", SignedXml.XmlDsigNamespaceUrl).OfType<XmlElement>())
        {
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(node.InnerText.Trim()));
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                continue;
            }

            var fingerprints = new[]
            {
                CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256),
                CertificateFingerprint.OfPublicKey(certificate, FingerprintAlgorithm.Sha256),
            };
            if (fingerprints.Any(_options.PinnedFingerprints.Contains))
            {
                candidates.Add(certificate);
            }
        }

        return candidates;
    }

    private static bool SignatureHolds(XmlDocument document, XmlElement signature, X509Certificate2 certificate)
    {
        using var key = (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey();
        if (key is null)
        {
            return false;
        }

        // A hostile Signature (missing SignatureValue, bad base64, unexpected children) is a refusal, never a crash.
        try
        {
            var signedXml = new RootOnlySignedXml(document);
            signedXml.LoadXml(signature);
            return signedXml.CheckSignature(key);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or XmlException)
        {
            return false;
        }
    }

    private string? CheckValidUntil(string text, out DateTimeOffset validUntil)
    {
        validUntil = default;
        if (text.Length == 0)
        {
            return "the document has no validUntil; a consumer cannot know when it goes stale";
        }

        if (!XsDateTime.TryParse(text, out validUntil))
        {
            return $"validUntil '{text}' is not an xs:dateTime with a time zone";
        }

        var now = _options.Clock.GetUtcNow();
        if (validUntil <= now)
        {
            return $"the document expired at {validUntil:u} (validUntil)";
        }

        return validUntil > now + _options.MaxValidity
            ? $"validUntil {validUntil:u} is further away than the maximum validity of {_options.MaxValidity.TotalDays:0.##} days"
            : null;
    }

    private static byte[] SignedContent(XmlElement root, XmlElement signature)
    {
        var copy = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var copiedRoot = (XmlElement)copy.ImportNode(root, deep: true);
        copy.AppendChild(copiedRoot);
        var signatureIndex = root.ChildNodes.Cast<XmlNode>().ToList().IndexOf(signature);
        copiedRoot.RemoveChild(copiedRoot.ChildNodes[signatureIndex]!);
        var transform = new XmlDsigExcC14NTransform(includeComments: false);
        transform.LoadInput(copy);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return buffer.ToArray();
    }
}
