using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedmd.Publisher.Mirrors;

/// <summary>Verifies a CRL's signature with its CA's public key (RSA PKCS#1 v1.5 or ECDSA with SHA-2).</summary>
internal static class RevocationListSignature
{
    /// <summary>Whether <paramref name="issuer"/>'s key made the list's signature.</summary>
    /// <exception cref="FormatException">The list is signed with an algorithm fedmd does not accept (SHA-1, PSS, EdDSA).</exception>
    public static bool IsBy(RevocationList list, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(issuer);
        switch (list.SignatureAlgorithm)
        {
            case "1.2.840.113549.1.1.11": return VerifiesRsa(list, issuer, HashAlgorithmName.SHA256);
            case "1.2.840.113549.1.1.12": return VerifiesRsa(list, issuer, HashAlgorithmName.SHA384);
            case "1.2.840.113549.1.1.13": return VerifiesRsa(list, issuer, HashAlgorithmName.SHA512);
            case "1.2.840.10045.4.3.2": return VerifiesEcdsa(list, issuer, HashAlgorithmName.SHA256);
            case "1.2.840.10045.4.3.3": return VerifiesEcdsa(list, issuer, HashAlgorithmName.SHA384);
            case "1.2.840.10045.4.3.4": return VerifiesEcdsa(list, issuer, HashAlgorithmName.SHA512);
            default:
                throw new FormatException($"it is signed with the algorithm {list.SignatureAlgorithm}; fedmd accepts RSA PKCS#1 v1.5 or ECDSA with SHA-256, SHA-384 or SHA-512");
        }
    }

    private static bool VerifiesRsa(RevocationList list, X509Certificate2 issuer, HashAlgorithmName hash)
    {
        using var key = issuer.GetRSAPublicKey();
        return key is not null && key.VerifyData(list.SignedPart, list.Signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static bool VerifiesEcdsa(RevocationList list, X509Certificate2 issuer, HashAlgorithmName hash)
    {
        using var key = issuer.GetECDsaPublicKey();
        return key is not null && key.VerifyData(list.SignedPart, list.Signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }
}
