using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Pkcs11;

namespace Fedmd.Signer.Signing;

/// <summary>
/// The certificate published in KeyInfo and on the fingerprint page must hold the HSM key's public key; otherwise
/// participants would pin a certificate that cannot verify what we sign.
/// </summary>
public static class KeyCertificateBinding
{
    /// <summary>Throws a configuration failure when the key and certificate do not belong together.</summary>
    public static void Require(IHsmKey key, X509Certificate2 certificate, string certificateFile)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(certificate);
        var tokenKey = key.ExportSubjectPublicKeyInfo();
        var certificateKey = certificate.PublicKey.ExportSubjectPublicKeyInfo();
        if (!tokenKey.AsSpan().SequenceEqual(certificateKey))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"certificate {certificateFile} does not hold the public key of the HSM key; refusing to start (configure the certificate issued for this key)");
        }
    }
}
