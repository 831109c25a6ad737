using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedmd.Metadata.Values;

/// <summary>
/// An immutable certificate (or public key) fingerprint, compared by value and written the way participants
/// pin it: uppercase colon-separated hex, e.g. <c>AB:CD:…</c>.
/// </summary>
public sealed class CertificateFingerprint : IEquatable<CertificateFingerprint>
{
    private readonly byte[] _digest;

    private CertificateFingerprint(FingerprintAlgorithm algorithm, byte[] digest)
    {
        Algorithm = algorithm;
        _digest = digest;
    }

    /// <summary>The digest algorithm.</summary>
    public FingerprintAlgorithm Algorithm { get; }

    /// <summary>The digest bytes (a copy).</summary>
    public byte[] Digest => (byte[])_digest.Clone();

    /// <summary>The label participants see after the hex: <c>SHA256</c> or <c>SHA1</c>.</summary>
    public string AlgorithmLabel => Algorithm == FingerprintAlgorithm.Sha256 ? "SHA256" : "SHA1";

    /// <summary>Fingerprint of a certificate's DER encoding.</summary>
    public static CertificateFingerprint Of(X509Certificate2 certificate, FingerprintAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return OfBytes(certificate.RawData, algorithm);
    }

    /// <summary>Fingerprint of a certificate's SubjectPublicKeyInfo, which stays the same across re-issued certificates.</summary>
    public static CertificateFingerprint OfPublicKey(X509Certificate2 certificate, FingerprintAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return OfBytes(certificate.PublicKey.ExportSubjectPublicKeyInfo(), algorithm);
    }

    /// <summary>Fingerprint of arbitrary DER bytes.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350",
        Justification = "SHA-1 fingerprints are display-only, for participants whose software pins with SHA-1; nothing is verified with them.")]
    public static CertificateFingerprint OfBytes(ReadOnlySpan<byte> der, FingerprintAlgorithm algorithm) =>
        new(algorithm, algorithm == FingerprintAlgorithm.Sha256 ? SHA256.HashData(der) : SHA1.HashData(der));

    /// <summary>
    /// Parses <c>SHA256:hex</c> or <c>SHA1:hex</c>; the hex may be colon-separated and of either case.
    /// </summary>
    /// <exception cref="FormatException">The text is not a fingerprint of a known algorithm and length.</exception>
    public static CertificateFingerprint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException("a fingerprint is written ALGORITHM:HEX, e.g. SHA256:AB:CD:…");
        }

        var algorithm = text[..colon].Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "SHA256" => FingerprintAlgorithm.Sha256,
            "SHA1" => FingerprintAlgorithm.Sha1,
            var other => throw new FormatException($"fingerprint algorithm '{other}' is not SHA256 or SHA1"),
        };
        var hex = text[(colon + 1)..].Replace(":", string.Empty, StringComparison.Ordinal);
        byte[] digest;
        try
        {
            digest = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException("the fingerprint's digest is not hexadecimal");
        }

        var expected = algorithm == FingerprintAlgorithm.Sha256 ? 32 : 20;
        if (digest.Length != expected)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"a {algorithm} fingerprint has {expected} bytes, this one has {digest.Length}"));
        }

        return new CertificateFingerprint(algorithm, digest);
    }

    /// <summary>Uppercase colon-separated hex, without the algorithm.</summary>
    public string ToColonHex() => string.Join(':', _digest.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>The form used on the fingerprint page: <c>AB:CD:… (SHA256)</c>.</summary>
    public string ToDisplayString() => $"{ToColonHex()} ({AlgorithmLabel})";

    /// <inheritdoc />
    public override string ToString() => $"{AlgorithmLabel}:{ToColonHex()}";

    /// <inheritdoc />
    public bool Equals(CertificateFingerprint? other) =>
        other is not null && Algorithm == other.Algorithm && CryptographicOperations.FixedTimeEquals(_digest, other._digest);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CertificateFingerprint);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Algorithm, BitConverter.ToInt32(_digest, 0));
}
