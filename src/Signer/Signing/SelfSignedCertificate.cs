using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedmd.Signer.Signing;

/// <summary>
/// A long-lived self-signed certificate for a SAML or metadata signing key, signed by the key itself: through
/// PKCS#11 when the key is an <see cref="HsmRsa"/> or <see cref="HsmEcdsa"/>, so the private key never
/// leaves the token. The certificate carries no private key.
/// </summary>
public static class SelfSignedCertificate
{
    /// <summary>Makes the certificate of <paramref name="key"/> for <paramref name="subject"/>, valid from <paramref name="notBefore"/> for <paramref name="lifetime"/>.</summary>
    /// <exception cref="ArgumentException">The key is neither RSA nor ECDSA.</exception>
    public static X509Certificate2 Create(AsymmetricAlgorithm key, string subject, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = new X500DistinguishedName("CN=" + subject.Replace(",", "\\,", StringComparison.Ordinal));
        var (request, generator) = key switch
        {
            RSA rsa => (new CertificateRequest(name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)),
            ECDsa ec => (new CertificateRequest(name, ec, HashAlgorithmName.SHA256), X509SignatureGenerator.CreateForECDsa(ec)),
            _ => throw new ArgumentException($"a {key.GetType().Name} key cannot sign a certificate", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // A random serial, as RFC 5280 asks of self-issued certificates that may be re-issued on the same key.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var start = new DateTimeOffset(notBefore.UtcTicks - (notBefore.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return request.Create(name, generator, start, start + lifetime, serial);
    }
}
