using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Values;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>What participants need to know about a metadata signing certificate to pin it.</summary>
/// <param name="Sha256">SHA-256 fingerprint of the certificate.</param>
/// <param name="Sha1">SHA-1 fingerprint, for software that still pins with it.</param>
/// <param name="KeySha256">SHA-256 fingerprint of the public key (SubjectPublicKeyInfo): the one to pin, since it survives a re-issued certificate.</param>
/// <param name="KeySha1">SHA-1 fingerprint of the public key, for software that still pins with SHA-1.</param>
/// <param name="Subject">The subject distinguished name.</param>
/// <param name="Serial">The serial number, hex.</param>
/// <param name="NotBefore">Start of validity, UTC.</param>
/// <param name="NotAfter">End of validity, UTC.</param>
/// <param name="KeyType">The public key's algorithm: <c>RSA</c> or <c>EC</c>.</param>
/// <param name="KeySize">The key size in bits.</param>
/// <param name="Pem">The certificate as PEM, as published beside the feeds.</param>
public sealed record SigningCertificateInfo(
    CertificateFingerprint Sha256,
    CertificateFingerprint Sha1,
    CertificateFingerprint KeySha256,
    CertificateFingerprint KeySha1,
    string Subject,
    string Serial,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string KeyType,
    int KeySize,
    string Pem)
{
    /// <summary>Key type and size for people, e.g. <c>RSA 3072 bits</c>.</summary>
    public string KeyDescription => $"{KeyType} {KeySize} bits";

    /// <summary>Reads the facts from a certificate.</summary>
    public static SigningCertificateInfo From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var rsa = certificate.GetRSAPublicKey();
        using var ec = rsa is null ? certificate.GetECDsaPublicKey() : null;
        var (type, size) = rsa is not null ? ("RSA", rsa.KeySize)
            : ec is not null ? ("EC", ec.KeySize)
            : (certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown", 0);
        return new SigningCertificateInfo(
            CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256),
            CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha1),
            CertificateFingerprint.OfPublicKey(certificate, FingerprintAlgorithm.Sha256),
            CertificateFingerprint.OfPublicKey(certificate, FingerprintAlgorithm.Sha1),
            certificate.Subject,
            certificate.SerialNumber,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            type,
            size,
            certificate.ExportCertificatePem() + "\n");
    }
}
