using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedmd.Tests.Publisher.Support;

/// <summary>
/// A throwaway PKI for mutual TLS tests, written as PEM files: a server CA and its 127.0.0.1 server certificate, an
/// unrelated CA, a client CA with a good and a revoked client certificate, and the client CA's CRL. The server CA's key
/// is written too, so that tests can issue its CRLs with openssl.
/// </summary>
public sealed class TestPki
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public TestPki(string directory)
    {
        Directory = directory;
        using var serverCa = CreateCa("fedmd test server CA");
        using var otherCa = CreateCa("fedmd test unrelated CA");
        using var clientCa = CreateCa("fedmd test client CA");
        ServerCaFile = WriteCertificate(serverCa, "server-ca.crt");
        ServerCaKeyFile = WriteCaKey(serverCa, "server-ca.key");
        OtherCaFile = WriteCertificate(otherCa, "other-ca.crt");
        OtherCaKeyFile = WriteCaKey(otherCa, "other-ca.key");
        ClientCaFile = WriteCertificate(clientCa, "client-ca.crt");
        (ServerCertificateFile, ServerKeyFile) = Issue(serverCa, "server", "CN=127.0.0.1", server: true, serial: 10);
        (GoodClientCertificateFile, GoodClientKeyFile) = Issue(clientCa, "client-good", "CN=fedmd publisher", server: false, serial: 20);
        (RevokedClientCertificateFile, RevokedClientKeyFile) = Issue(clientCa, "client-revoked", "CN=fedmd publisher (revoked)", server: false, serial: 21);
        ClientCrlFile = WriteCrl(clientCa, revokedSerial: 21);
    }

    public string Directory { get; }

    public string ServerCaFile { get; }

    public string ServerCaKeyFile { get; }

    public string OtherCaFile { get; }

    public string OtherCaKeyFile { get; }

    public string ClientCaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string GoodClientCertificateFile { get; }

    public string GoodClientKeyFile { get; }

    public string RevokedClientCertificateFile { get; }

    public string RevokedClientKeyFile { get; }

    public string ClientCrlFile { get; }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private (string Certificate, string Key) Issue(X509Certificate2 ca, string fileStem, string subject, bool server, long serial)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), new BigInteger(serial).ToByteArray(isUnsigned: true, isBigEndian: true));
        return (WriteCertificate(certificate, fileStem + ".crt"), WriteKey(key, fileStem + ".key"));
    }

    private string WriteCaKey(X509Certificate2 ca, string name)
    {
        using var key = ca.GetRSAPrivateKey()!;
        return WriteKey(key, name);
    }

    private string WriteKey(RSA key, string name)
    {
        var keyFile = Path.Combine(Directory, name);
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        File.SetUnixFileMode(keyFile, OwnerOnly);
        return keyFile;
    }

    private string WriteCrl(X509Certificate2 ca, long revokedSerial)
    {
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(new BigInteger(revokedSerial).ToByteArray(isUnsigned: true, isBigEndian: true), DateTimeOffset.UtcNow.AddMinutes(-5), X509RevocationReason.KeyCompromise);
        var der = builder.Build(ca, BigInteger.One, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, DateTimeOffset.UtcNow.AddMinutes(-1));
        var path = Path.Combine(Directory, "client-ca.crl");
        File.WriteAllText(path, new string(PemEncoding.Write("X509 CRL", der)) + "\n");
        return path;
    }

    private string WriteCertificate(X509Certificate2 certificate, string name)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }
}
