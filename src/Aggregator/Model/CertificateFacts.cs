using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Aggregator.Rules;

namespace Fedmd.Aggregator.Model;

/// <summary>
/// What the key rules read from a KeyDescriptor certificate: validity, subject and public key. Read from the DER with
/// the managed ASN.1 reader (<see cref="CertificateDer"/>); OpenSSL's loader (<see cref="X509CertificateLoader"/>)
/// costs about a quarter of a millisecond a certificate under OpenSSL 3, the largest share of judging an
/// eduGAIN-sized registry, and decides only what the strict DER reading does not accept.
/// </summary>
public sealed class CertificateFacts
{
    private readonly ReadOnlyMemory<byte> _subject;
    private string? _subjectName;

    private CertificateFacts(ReadOnlyMemory<byte> subject, DateTime notAfter, SubjectPublicKey publicKey)
    {
        _subject = subject;
        NotAfter = notAfter;
        PublicKey = publicKey;
        KeySize = PublicKeyFacts.KeySize(publicKey);
        RsaExponent = PublicKeyFacts.RsaExponent(publicKey);
    }

    /// <summary>The subject as OpenSSL and .NET print it (<c>CN=..., O=...</c>), decoded when a message first needs it.</summary>
    public string Subject => _subjectName ??= new X500DistinguishedName(_subject.Span).Name;

    /// <summary>The end of the validity period, in UTC.</summary>
    public DateTime NotAfter { get; }

    /// <summary>The public key as encoded.</summary>
    public SubjectPublicKey PublicKey { get; }

    /// <summary>The RSA modulus or EC field size in bits; 0 for any other algorithm or a key that does not load.</summary>
    public int KeySize { get; }

    /// <summary>The RSA public exponent, or null when the key is not RSA (or does not load).</summary>
    public BigInteger? RsaExponent { get; }

    /// <summary>The key algorithm's name for messages (<c>DSA</c>), or its OID when it has none.</summary>
    public string AlgorithmName => new Oid(PublicKey.AlgorithmOid).FriendlyName ?? PublicKey.AlgorithmOid;

    /// <summary>
    /// Reads <paramref name="der"/>, or says why it is not a certificate.
    /// </summary>
    /// <exception cref="CryptographicException">Neither the DER reading nor OpenSSL accepts it as an X.509 certificate.</exception>
    public static CertificateFacts Read(byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        if (CertificateDer.TryRead(der) is { } read)
        {
            return new CertificateFacts(read.Subject, read.NotAfter, read.PublicKey);
        }

        // Encodings the strict reading refuses (BER lengths, times without seconds, ...) are OpenSSL's to judge, as
        // they always were.
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        var key = certificate.PublicKey;
        return new CertificateFacts(
            certificate.SubjectName.RawData,
            certificate.NotAfter.ToUniversalTime(),
            new SubjectPublicKey(key.Oid.Value ?? string.Empty, key.EncodedParameters?.RawData, key.EncodedKeyValue.RawData));
    }
}
