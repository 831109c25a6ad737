using System.Security.Cryptography.Xml;
using System.Xml;

namespace Fedmd.Verification;

/// <summary>
/// Checks the shape of the one ds:Signature before any cryptography runs: exclusive c14n, an allowed signature and
/// digest method, exactly one Reference to the root, exactly the enveloped and exclusive-c14n transforms, no ds:Object.
/// </summary>
internal static class SignatureProfileCheck
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;

    /// <summary>Returns the first violation, or null when the signature fits the profile.</summary>
    public static string? FindViolation(XmlElement signature, string rootId, IReadOnlySet<SignatureMethod> allowedSignatureMethods)
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
        var references = parts.Where(p => p.NamespaceURI == Ds && p.LocalName == "Reference").ToList();
        if (references.Count != 1)
        {
            return $"SignedInfo has {references.Count} References; the profile allows exactly one, to the root";
        }

        if (!IsDsSequence(parts, "CanonicalizationMethod", "SignatureMethod", "Reference"))
        {
            return $"SignedInfo holds [{Names(parts)}]; the profile allows exactly ds:CanonicalizationMethod, ds:SignatureMethod and one ds:Reference";
        }

        var c14n = Algorithm(parts[0]);
        if (c14n != SignedXml.XmlDsigExcC14NTransformUrl)
        {
            return $"SignedInfo canonicalization is '{c14n}', not exclusive c14n ({SignedXml.XmlDsigExcC14NTransformUrl})";
        }

        var method = Algorithm(parts[1]);
        if (!SignatureMethod.TryFromUri(method, out var known) || !allowedSignatureMethods.Contains(known))
        {
            return $"signature method '{method}' is not on the allow-list ({string.Join(", ", allowedSignatureMethods.Select(m => m.Uri))})";
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

        var children = ElementChildren(reference).ToList();
        if (!IsDsSequence(children, "Transforms", "DigestMethod", "DigestValue"))
        {
            return $"the Reference holds [{Names(children)}]; the profile allows exactly ds:Transforms, ds:DigestMethod and ds:DigestValue";
        }

        var transforms = children[0];
        var transformElements = ElementChildren(transforms).ToList();
        if (transformElements.Any(t => t.NamespaceURI != Ds || t.LocalName != "Transform"))
        {
            return $"ds:Transforms holds [{Names(transformElements)}]; only ds:Transform elements are allowed";
        }

        var algorithms = transformElements.Select(Algorithm).ToList();
        string?[] expected = [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl];
        if (!algorithms.SequenceEqual(expected))
        {
            return $"the Reference transforms are [{string.Join(", ", algorithms)}]; the profile requires exactly enveloped-signature then exclusive c14n";
        }

        var digest = Algorithm(children[1]);
        return digest is not null && SignatureMethod.DigestUris.Contains(digest)
            ? null
            : $"digest method '{digest}' is not SHA-256 or stronger";
    }

    private static string? Algorithm(XmlElement? element) => element?.GetAttribute("Algorithm");

    // Every element is matched by namespace and name, in order: a look-alike in another namespace must not satisfy
    // the profile while SignedXml reads a different element.
    private static bool IsDsSequence(List<XmlElement> elements, params string[] names) =>
        elements.Count == names.Length && elements.Zip(names).All(p => p.First.NamespaceURI == Ds && p.First.LocalName == p.Second);

    private static string Names(IEnumerable<XmlElement> elements) => string.Join(", ", elements.Select(e => $"{{{e.NamespaceURI}}}{e.LocalName}"));

    private static IEnumerable<XmlElement> ElementChildren(XmlElement parent) => parent.ChildNodes.OfType<XmlElement>();
}
