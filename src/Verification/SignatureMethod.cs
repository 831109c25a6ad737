using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;

namespace Fedmd.Verification;

/// <summary>
/// A signature algorithm the profile allows, with everything each part of the program needs to know about it: the
/// name configuration uses, the XML Signature URIs, the hash, the key it needs and the PKCS#11 mechanism that makes it
/// on a token. <see cref="All"/> is the only list of algorithms; configuration, signer, token and verifier read it,
/// so adding an algorithm is one row there.
/// </summary>
public sealed class SignatureMethod
{
    // PKCS#11 mechanism numbers (CKM_*), plain so that this library needs no PKCS#11 binding. The host always hashes:
    // CKM_RSA_PKCS signs the DigestInfo it builds, CKM_ECDSA the hash itself.
    private const ulong CkmRsaPkcs = 0x1;
    private const ulong CkmEcdsa = 0x1041;

    private SignatureMethod(string name, string uri, string digestUri, HashAlgorithmName hash, KeyFamily keyFamily, ulong pkcs11Mechanism)
    {
        Name = name;
        Uri = uri;
        DigestUri = digestUri;
        Hash = hash;
        KeyFamily = keyFamily;
        Pkcs11Mechanism = pkcs11Mechanism;
    }

    /// <summary>
    /// Every allowed method: RSA or ECDSA with SHA-256 or stronger, never SHA-1 or MD5. The digest of each is the same
    /// strength as its signature.
    /// </summary>
    public static IReadOnlyList<SignatureMethod> All { get; } =
    [
        new("rsa-sha256", SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigSHA256Url, HashAlgorithmName.SHA256, KeyFamily.Rsa, CkmRsaPkcs),
        new("rsa-sha384", SignedXml.XmlDsigRSASHA384Url, SignedXml.XmlDsigSHA384Url, HashAlgorithmName.SHA384, KeyFamily.Rsa, CkmRsaPkcs),
        new("rsa-sha512", SignedXml.XmlDsigRSASHA512Url, SignedXml.XmlDsigSHA512Url, HashAlgorithmName.SHA512, KeyFamily.Rsa, CkmRsaPkcs),
        new("ecdsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", SignedXml.XmlDsigSHA256Url, HashAlgorithmName.SHA256, KeyFamily.Ec, CkmEcdsa),
        new("ecdsa-sha384", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", SignedXml.XmlDsigSHA384Url, HashAlgorithmName.SHA384, KeyFamily.Ec, CkmEcdsa),
    ];

    /// <summary>rsa-sha256: what the federation signs with when configuration names no method.</summary>
    public static SignatureMethod Default { get; } = FromName("rsa-sha256");

    /// <summary>The digest method URIs of the table, the only digests a Reference may use.</summary>
    public static IReadOnlySet<string> DigestUris { get; } = All.Select(m => m.DigestUri).ToHashSet(StringComparer.Ordinal);

    /// <summary>The name in <c>Signing:SignatureMethod</c>, such as <c>rsa-sha256</c>.</summary>
    public string Name { get; }

    /// <summary>The XML Signature SignatureMethod Algorithm URI.</summary>
    public string Uri { get; }

    /// <summary>The XML Signature DigestMethod Algorithm URI the Reference uses with this method.</summary>
    public string DigestUri { get; }

    /// <summary>The hash of both signature and digest.</summary>
    public HashAlgorithmName Hash { get; }

    /// <summary>The kind of key that can make and check this signature.</summary>
    public KeyFamily KeyFamily { get; }

    /// <summary>The PKCS#11 mechanism (a CKM_* value) the token signs with; the host has already hashed.</summary>
    public ulong Pkcs11Mechanism { get; }

    /// <summary>Finds a method by its configuration name (case-sensitive, as configuration keys' values are).</summary>
    public static bool TryFromName(string? name, [NotNullWhen(true)] out SignatureMethod? method)
    {
        method = All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
        return method is not null;
    }

    /// <summary>The method of a configuration name that has been validated.</summary>
    /// <exception cref="ArgumentException">The name is not in the table.</exception>
    public static SignatureMethod FromName(string name) =>
        TryFromName(name, out var method)
            ? method
            : throw new ArgumentException($"signature method '{name}' is not one of {NameList()}", nameof(name));

    /// <summary>Finds a method by its SignatureMethod Algorithm URI, as read from a signed document.</summary>
    public static bool TryFromUri(string? uri, [NotNullWhen(true)] out SignatureMethod? method)
    {
        method = All.FirstOrDefault(m => string.Equals(m.Uri, uri, StringComparison.Ordinal));
        return method is not null;
    }

    /// <summary>The configuration names as a sentence: "a, b or c".</summary>
    public static string NameList() =>
        string.Join(", ", All.Take(All.Count - 1).Select(m => m.Name)) + " or " + All[^1].Name;

    /// <inheritdoc />
    public override string ToString() => Name;
}
