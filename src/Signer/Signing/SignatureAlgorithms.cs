using System.Security.Cryptography.Xml;

namespace Fedmd.Signer.Signing;

/// <summary>The XML Signature algorithm identifiers the signature profile allows.</summary>
public static class SignatureAlgorithms
{
    /// <summary>RSA with SHA-256, the default.</summary>
    public const string RsaSha256 = SignedXml.XmlDsigRSASHA256Url;

    /// <summary>RSA with SHA-384.</summary>
    public const string RsaSha384 = SignedXml.XmlDsigRSASHA384Url;

    /// <summary>RSA with SHA-512.</summary>
    public const string RsaSha512 = SignedXml.XmlDsigRSASHA512Url;

    /// <summary>ECDSA with SHA-256 (XML Signature 1.1).</summary>
    public const string EcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";

    /// <summary>ECDSA with SHA-384 (XML Signature 1.1).</summary>
    public const string EcdsaSha384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";

    /// <summary>SHA-256 digest.</summary>
    public const string Sha256 = SignedXml.XmlDsigSHA256Url;

    /// <summary>SHA-384 digest.</summary>
    public const string Sha384 = SignedXml.XmlDsigSHA384Url;

    /// <summary>SHA-512 digest.</summary>
    public const string Sha512 = SignedXml.XmlDsigSHA512Url;

    /// <summary>Signature methods a verifier accepts by default: RSA or ECDSA with SHA-256 or stronger; never SHA-1 or MD5.</summary>
    public static readonly IReadOnlySet<string> DefaultAllowedSignatureMethods =
        new HashSet<string>(StringComparer.Ordinal) { RsaSha256, RsaSha384, RsaSha512, EcdsaSha256, EcdsaSha384 };

    /// <summary>Digest methods a verifier accepts: SHA-256 or stronger.</summary>
    public static readonly IReadOnlySet<string> AllowedDigestMethods =
        new HashSet<string>(StringComparer.Ordinal) { Sha256, Sha384, Sha512 };

    /// <summary>Whether <paramref name="signatureMethod"/> needs an EC key rather than an RSA key.</summary>
    public static bool IsEcdsa(string signatureMethod) => signatureMethod is EcdsaSha256 or EcdsaSha384;

    /// <summary>The digest that goes with a signature method, so signature and reference use the same strength.</summary>
    public static string DigestFor(string signatureMethod) => signatureMethod switch
    {
        RsaSha256 => Sha256,
        RsaSha384 => Sha384,
        RsaSha512 => Sha512,
        EcdsaSha256 => Sha256,
        EcdsaSha384 => Sha384,
        _ => throw new ArgumentException($"signature method {signatureMethod} is not on the allow-list", nameof(signatureMethod)),
    };
}
