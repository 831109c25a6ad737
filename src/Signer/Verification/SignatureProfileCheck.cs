using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Signer.Signing;

namespace Fedmd.Signer.Verification;

/// <summary>
/// Checks the shape of the one ds:Signature before any cryptography runs: exclusive c14n, an allowed signature and
/// digest method, exactly one Reference to the root, exactly the enveloped and exclusive-c14n transforms, no ds:Object.
/// </summary>
internal static class SignatureProfileCheck
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;

    /// <summary>Returns the first violation, or null when the signature fits the profile.</summary>
    public static string? FindViolation(XmlElement signature, string rootId, IReadOnlySet<string> allowedSignatureMethods)
    {
        var children = ElementChildren(signature).ToList();
        if (children.Any(c => c.NamespaceURI == Ds && c.LocalName == "Object"))
        {
            return "the signature contains a ds:Object; the profile allows none";
        }

        var signedInfo = children.FirstOrDefault();
        if (signedInfo is null || signedInfo.NamespaceURI != Ds || signedInfo.LocalName != "SignedInfo")
        {
            return "the signature's first child is not ds:SignedInfo";
        }

        var parts = ElementChildren(signedInfo).ToList();
        var c14n = Algorithm(parts.FirstOrDefault(p => p.LocalName == "CanonicalizationMethod"));
        if (c14n != SignedXml.XmlDsigExcC14NTransformUrl)
        {
            return $"SignedInfo canonicalization is '{c14n}', not exclusive c14n ({SignedXml.XmlDsigExcC14NTransformUrl})";
        }

        var method = Algorithm(parts.FirstOrDefault(p => p.LocalName == "SignatureMethod"));
        if (method is null || !allowedSignatureMethods.Contains(method))
        {
            return $"signature method '{method}' is not on the allow-list ({string.Join(", ", allowedSignatureMethods)})";
        }

        var references = parts.Where(p => p.NamespaceURI == Ds && p.LocalName == "Reference").ToList();
        if (references.Count != 1)
        {
            return $"SignedInfo has {references.Count} References; the profile allows exactly one, to the root";
        }

        return FindReferenceViolation(references[0], rootId);
    }

    private static string? FindReferenceViolation(XmlElement reference, string rootId)
    {
        var uri = reference.GetAttribute("URI");
        if (uri != "#" + rootId)
        {
            return $"the Reference URI is '{uri}', not '#{rootId}' (the root's ID)";
        }

        var transforms = ElementChildren(reference).FirstOrDefault(e => e.LocalName == "Transforms");
        var algorithms = transforms is null ? [] : ElementChildren(transforms).Select(Algorithm).ToList();
        string?[] expected = [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl];
        if (!algorithms.SequenceEqual(expected))
        {
            return $"the Reference transforms are [{string.Join(", ", algorithms)}]; the profile requires exactly enveloped-signature then exclusive c14n";
        }

        var digest = Algorithm(ElementChildren(reference).FirstOrDefault(e => e.LocalName == "DigestMethod"));
        return digest is not null && SignatureAlgorithms.AllowedDigestMethods.Contains(digest)
            ? null
            : $"digest method '{digest}' is not SHA-256 or stronger";
    }

    private static string? Algorithm(XmlElement? element) => element?.GetAttribute("Algorithm");

    private static IEnumerable<XmlElement> ElementChildren(XmlElement parent) => parent.ChildNodes.OfType<XmlElement>();
}
