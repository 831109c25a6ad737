using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedmd.TestSupport;

/// <summary>Throwaway keys and self-signed certificates made for one test run.</summary>
public static class TestCertificates
{
    /// <summary>A new RSA key and a self-signed certificate for it.</summary>
    public static (RSA Key, X509Certificate2 Certificate) CreateRsa(string commonName, int bits = 2048, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var key = RSA.Create(bits);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(
            notBefore ?? DateTimeOffset.UtcNow.AddDays(-1),
            notAfter ?? DateTimeOffset.UtcNow.AddYears(2));
        return (key, X509CertificateLoader.LoadCertificate(certificate.RawData));
    }

    /// <summary>Writes a certificate as PEM and returns the path.</summary>
    public static string WritePem(X509Certificate2 certificate, string path)
    {
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }
}
