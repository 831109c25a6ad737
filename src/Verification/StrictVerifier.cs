using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Verification;

/// <summary>
/// Verifies a signed metadata document the strict way: safe parsing, exactly one signature at the root's first
/// child, a fixed signature profile, ID lookup that only finds the root, keys only from pinned material, and a
/// bounded validUntil. Used for the pipeline's self-check, <c>fedmd verify</c>, and fetched feeds.
/// </summary>
public sealed class StrictVerifier
{
    private static readonly string[] IdAttributeNames = ["ID", "Id", "id"];
    private readonly VerificationOptions _options;

    /// <summary>Creates the verifier; keys come only from <paramref name="options"/>.</summary>
    public StrictVerifier(VerificationOptions options)
    {
        _options = options;
    }

    /// <summary>Verifies a document given as bytes.</summary>
    public VerificationResult Verify(ReadOnlyMemory<byte> bytes)
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
            return VerificationResult.Refused("no pinned key applies: the certificate in KeyInfo matches none of the pinned fingerprints");
        }

        var signer = candidates.FirstOrDefault(c => SignatureHolds(document, signature, c));
        if (signer is null)
        {
            return VerificationResult.Refused("the signature does not verify with any pinned key (the document was changed after signing, or signed by another key)");
        }

        var validity = CheckValidUntil(root, out var validUntil);
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
            return $"the document holds {signatures.Count} ds:Signature elements; exactly one, at the root, is allowed";
        }

        if (root.ChildNodes.OfType<XmlElement>().FirstOrDefault() != signatures[0])
        {
            return "the ds:Signature is not the root element's first child";
        }

        foreach (var element in root.SelectNodes("descendant::*")!.OfType<XmlElement>())
        {
            if (IdAttributeNames.Any(name => element.GetAttribute(name) == rootId))
            {
                return $"element {element.Name} inside the document carries the root's ID '{rootId}' (a signature-wrapping pattern)";
            }
        }

        foreach (var comment in root.SelectNodes("descendant::comment()")!.OfType<XmlComment>())
        {
            var parent = comment.ParentNode!;
            if (parent.ChildNodes.OfType<XmlCharacterData>().Any(t => t is XmlText or XmlCDataSection && !string.IsNullOrWhiteSpace(t.Value)))
            {
                return $"a comment splits the text of element {parent.Name}; comments are not signed, so the text a reader sees could differ from what was signed";
            }
        }

        return null;
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

    private string? CheckValidUntil(XmlElement root, out DateTimeOffset validUntil)
    {
        validUntil = default;
        var text = root.GetAttribute("validUntil");
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
