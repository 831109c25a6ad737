using System.Security.Cryptography;

namespace Fedmd.Signer.Signing;

/// <summary>The DER DigestInfo that PKCS#1 v1.5 signs: the hash algorithm's identifier followed by the hash.</summary>
public static class DigestInfo
{
    // DER prefixes from RFC 8017 section 9.2, note 1.
    private static readonly byte[] Sha256Prefix = Convert.FromHexString("3031300d060960864801650304020105000420");
    private static readonly byte[] Sha384Prefix = Convert.FromHexString("3041300d060960864801650304020205000430");
    private static readonly byte[] Sha512Prefix = Convert.FromHexString("3051300d060960864801650304020305000440");

    /// <summary>Wraps <paramref name="hash"/> of <paramref name="algorithm"/> in a DigestInfo.</summary>
    public static byte[] Encode(HashAlgorithmName algorithm, ReadOnlySpan<byte> hash)
    {
        var (prefix, length) = algorithm.Name switch
        {
            "SHA256" => (Sha256Prefix, 32),
            "SHA384" => (Sha384Prefix, 48),
            "SHA512" => (Sha512Prefix, 64),
            _ => throw new CryptographicException($"hash algorithm {algorithm.Name} is not allowed for metadata signing"),
        };
        if (hash.Length != length)
        {
            throw new CryptographicException($"a {algorithm.Name} hash has {length} bytes, not {hash.Length}");
        }

        return [.. prefix, .. hash];
    }
}
