using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Fedmd.Aggregator.Model;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Model;

/// <summary>
/// The managed reading of KeyDescriptor certificates held to OpenSSL's (<see cref="X509CertificateLoader"/>, which the
/// rules used before): the same verdict on whether a certificate parses, and the same subject, expiry and key.
/// </summary>
public sealed partial class CertificateFactsTests
{
    [SharedCorpusFact]
    public void Every_certificate_of_the_corpus_reads_as_openssl_reads_it()
    {
        var certificates = Directory.EnumerateFiles(SharedCorpus.Root, "*.xml", SearchOption.AllDirectories)
            .SelectMany(file => X509Text().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var readManaged = 0;
        foreach (var text in certificates)
        {
            byte[] der;
            try
            {
                der = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                continue;
            }

            readManaged += CertificateDer.TryRead(der) is null ? 0 : 1;
            AssertReadsAsOpenSsl(der);
        }

        Assert.True(certificates.Count > 50, $"only {certificates.Count} certificates found in the corpus");
        // The point of the managed reading: nearly every real certificate takes it.
        Assert.True(readManaged * 10 > certificates.Count * 9, $"{readManaged} of {certificates.Count} certificates read without OpenSSL");
    }

    public static TheoryData<string> Keys => new() { "rsa2048", "rsa4096", "p256", "p384", "p521" };

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_generated_certificate_reads_as_openssl_reads_it(string key)
    {
        using var certificate = Generated(key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(3));

        Assert.NotNull(CertificateDer.TryRead(certificate.RawData));
        AssertReadsAsOpenSsl(certificate.RawData);
    }

    [Fact]
    public void An_expiry_after_2049_is_a_generalized_time_and_reads_the_same()
    {
        var notAfter = new DateTimeOffset(2061, 3, 4, 5, 6, 7, TimeSpan.Zero);
        using var certificate = Generated("p256", DateTimeOffset.UtcNow.AddDays(-1), notAfter);

        Assert.Equal(notAfter.UtcDateTime, CertificateFacts.Read(certificate.RawData).NotAfter);
        AssertReadsAsOpenSsl(certificate.RawData);
    }

    [Fact]
    public void A_truncated_or_padded_certificate_does_not_parse_either_way()
    {
        using var certificate = Generated("rsa2048", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var truncated = certificate.RawData[..^10];
        var padded = certificate.RawData.Concat(new byte[] { 0x05, 0x00 }).ToArray();

        Assert.Null(CertificateDer.TryRead(truncated));
        Assert.Null(CertificateDer.TryRead(padded));
        Assert.ThrowsAny<CryptographicException>(() => CertificateFacts.Read(truncated));
        AssertReadsAsOpenSsl(padded);
    }

    [Fact]
    public void A_dsa_key_is_named_for_the_message()
    {
        var facts = CertificateFacts.Read(Convert.FromBase64String(DsaCertificate));

        Assert.Equal("DSA", facts.AlgorithmName);
        Assert.Equal(0, facts.KeySize);
        Assert.Null(facts.RsaExponent);
    }

    // Same verdict as OpenSSL; when both read it, the same facts.
    private static void AssertReadsAsOpenSsl(byte[] der)
    {
        X509Certificate2? openssl = null;
        try
        {
            openssl = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
        }

        using (openssl)
        {
            if (openssl is null)
            {
                Assert.ThrowsAny<CryptographicException>(() => CertificateFacts.Read(der));
                return;
            }

            var facts = CertificateFacts.Read(der);
            Assert.Equal(openssl.Subject, facts.Subject);
            Assert.Equal(openssl.NotAfter.ToUniversalTime(), facts.NotAfter);
            Assert.Equal(openssl.PublicKey.Oid.Value, facts.PublicKey.AlgorithmOid);
            using var rsa = facts.PublicKey.AlgorithmOid == "1.2.840.113549.1.1.1" ? openssl.GetRSAPublicKey() : null;
            using var ec = facts.PublicKey.AlgorithmOid == "1.2.840.10045.2.1" ? openssl.GetECDsaPublicKey() : null;
            Assert.Equal(rsa?.KeySize ?? ec?.KeySize ?? 0, facts.KeySize);
        }
    }

    private static X509Certificate2 Generated(string key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var subject = new X500DistinguishedName("CN=idp.example.ac.za, O=Example University, C=ZA");
        using AsymmetricAlgorithm algorithm = key.StartsWith("rsa", StringComparison.Ordinal)
            ? RSA.Create(int.Parse(key[3..], System.Globalization.CultureInfo.InvariantCulture))
            : ECDsa.Create(key switch { "p256" => ECCurve.NamedCurves.nistP256, "p384" => ECCurve.NamedCurves.nistP384, _ => ECCurve.NamedCurves.nistP521 });
        var request = algorithm is RSA rsa
            ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)algorithm, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    [GeneratedRegex(@"<(?:\w+:)?X509Certificate>\s*([A-Za-z0-9+/=\s]+?)\s*</(?:\w+:)?X509Certificate>")]
    private static partial Regex X509Text();

    // openssl req -x509 -newkey dsa (1024-bit parameters), self-signed, written for this test.
    private const string DsaCertificate = "MIIC7zCCApugAwIBAgIUXcWvCi77HuoOVE8JUx4H0M9wAyMwCwYJYIZIAWUDBAMCMBwxGjAYBgNVBAMMEWRzYS5leGFtcGxlLmFjLnphMB4XDTI2MTIwMjAzMjUxM1oXDTM2MTEyOTAzMjUxM1owHDEaMBgGA1UEAwwRZHNhLmV4YW1wbGUuYWMuemEwggG+MIIBMwYHKoZIzjgEATCCASYCgYEAlU2PtWC5edw9vSaNA2kEZ9HNEBLkh1POoee79UMqiqCG+GPolNnlzGDET2yKphUYmz1W3HtjPrOaNxu3SoO55wbHDra7CJNPee+vvsnUPnT4pICXaIUz9qhAMkKr9dmh+pUzf483QqIwpmNcpeeYZ1SCSDx9ABfllD3u1HY2ERECHQDhV9Bzq4cdEdf7v0da5fW9qGwUZN1b5lXoAGIjAoGARwl4STfR6DtwiZxuR7q0//x0hHz4x6WiOG5MBSJlL0oxRhjlWN8V6JzhjX6tEeE/wndt7XCHduG8hN8ZNvLUsDdvpyaqw7Umnd5URoomeWC7W5gyr+MHf5IH0r7CH/rHHdY/kt98uEvTb2g3RzyQGgX2BIReGvKiiPtkr0A2YM0DgYQAAoGAch4CIRQmb1cY2Do2QR4l7UwOAZZ4kxjxQ22crfU1be29vfOXyv448vY2IZi2hp6d4MzeBEaUz88xrmcZaaKlax5266huss2w55pSIzHcx6ShcdYEDNBtg+hv/Tg11VAQmNMCzusw8DPjIvYMRz+3HU6Ma/V7jLAQbI0esiWl/8ujUzBRMB0GA1UdDgQWBBTuDTQqpKUh7jurZtTNNYMVLGoowjAfBgNVHSMEGDAWgBTuDTQqpKUh7jurZtTNNYMVLGoowjAPBgNVHRMBAf8EBTADAQH/MAsGCWCGSAFlAwQDAgNBADA+Ah0AvSCKObdK5LQ3LZlsOPRChGqpKqUBqEA94uE/QgIdANjh+q4zovMnY6OXZbj0DbTFqCA0NB2m9UGOKYU=";
}
