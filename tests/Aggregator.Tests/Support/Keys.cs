using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Support;

/// <summary>Certificates with the key properties the key rules judge, made for each test run.</summary>
public static class Keys
{
    /// <summary>Base64 DER of a self-signed RSA certificate.</summary>
    public static string Rsa(int bits = 2048, DateTimeOffset? notAfter = null)
    {
        var (key, certificate) = TestCertificates.CreateRsa("rsa.example.ac.za", bits, notAfter: notAfter, notBefore: notAfter?.AddYears(-1));
        key.Dispose();
        return Convert.ToBase64String(certificate.RawData);
    }

    /// <summary>Base64 DER of a self-signed EC certificate on <paramref name="curve"/>.</summary>
    public static string Ec(ECCurve curve)
    {
        using var key = ECDsa.Create(curve);
        using var certificate = new CertificateRequest("CN=ec.example.ac.za", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.RawData);
    }

    /// <summary>Base64 DER of a certificate for a DSA key, issued by a throwaway RSA key.</summary>
    public static string Dsa()
    {
        using var dsa = DSA.Create(2048);
        return IssuedFor(new PublicKey(dsa), "dsa.example.ac.za");
    }

    /// <summary>Base64 DER of a certificate for a 2048-bit RSA key whose public exponent is 3.</summary>
    public static string RsaExponentThree()
    {
        using var source = RSA.Create(2048);
        using var weak = RSA.Create(new RSAParameters { Modulus = source.ExportParameters(false).Modulus, Exponent = [3] });
        return IssuedFor(new PublicKey(weak), "e3.example.ac.za");
    }

    private static string IssuedFor(PublicKey subjectKey, string name)
    {
        using var issuerKey = RSA.Create(2048);
        using var issuer = new CertificateRequest("CN=issuer.example.ac.za", issuerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), subjectKey, HashAlgorithmName.SHA256);
        using var certificate = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [1, 2, 3, 4]);
        return Convert.ToBase64String(certificate.RawData);
    }
}
