using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Values;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>What participants need to know about the metadata signing certificate to pin it.</summary>
public sealed record SigningCertificateInfo(
    CertificateFingerprint Sha256,
    CertificateFingerprint Sha1,
    string Subject,
    string Serial,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string KeyDescription)
{
    /// <summary>Reads the facts from a certificate.</summary>
    public static SigningCertificateInfo From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var key = certificate.GetRSAPublicKey() is { } rsa
            ? $"RSA {rsa.KeySize} bits"
            : certificate.GetECDsaPublicKey() is { } ec ? $"EC {ec.KeySize} bits" : certificate.PublicKey.Oid.FriendlyName ?? "unknown";
        return new SigningCertificateInfo(
            CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256),
            CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha1),
            certificate.Subject,
            certificate.SerialNumber,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            key);
    }
}
