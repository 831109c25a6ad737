using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Values;

namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>A metadata signing key on the token and its certificate, as the rollover state names them.</summary>
/// <param name="KeyUri">The key's RFC 7512 URI (no PIN: it is refused in URIs).</param>
/// <param name="Certificate">The key's certificate.</param>
public sealed record MetadataSigningKey(string KeyUri, X509Certificate2 Certificate)
{
    /// <summary>The SHA-256 fingerprint of the public key: what the key is known by in change ids and the audit log.</summary>
    public CertificateFingerprint PublicKeyFingerprint => CertificateFingerprint.OfPublicKey(Certificate, FingerprintAlgorithm.Sha256);

    /// <summary>The certificate as PEM, as the state file keeps it.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem() + "\n";

    /// <summary>Whether <paramref name="other"/> holds the same public key.</summary>
    public bool SameKeyAs(MetadataSigningKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CryptographicOperations.FixedTimeEquals(
            Certificate.PublicKey.ExportSubjectPublicKeyInfo(), other.Certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }
}
