using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Aggregator.Model;

namespace Fedmd.Tests.Aggregator.Rules;

/// <summary>The managed reading of a certificate's key (<see cref="CertificateFacts"/>) against OpenSSL's key objects, which the rules used before.</summary>
public sealed class CertificateKeyFactsTests
{
    public static TheoryData<int, int> RsaKeys => new() { { 1024, 65537 }, { 2047, 65537 }, { 2048, 3 }, { 3072, 65537 }, { 4096, 17 } };

    public static TheoryData<string> Curves => new() { "nistP256", "nistP384", "nistP521" };

    [Theory]
    [MemberData(nameof(RsaKeys))]
    public void Rsa_size_and_exponent_equal_what_openssl_reports(int bits, int exponent)
    {
        using var certificate = RsaCertificate(bits, exponent);
        using var rsa = certificate.GetRSAPublicKey()!;

        var facts = CertificateFacts.Read(certificate.RawData);

        Assert.Equal(rsa.KeySize, facts.KeySize);
        Assert.Equal(new BigInteger(rsa.ExportParameters(false).Exponent, isUnsigned: true, isBigEndian: true), facts.RsaExponent);
        Assert.Equal(bits, facts.KeySize);
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Ec_size_equals_what_openssl_reports(string curve)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        using var certificate = new CertificateRequest("CN=ec", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        using var ec = certificate.GetECDsaPublicKey()!;

        var facts = CertificateFacts.Read(certificate.RawData);

        Assert.Equal(ec.KeySize, facts.KeySize);
        Assert.Null(facts.RsaExponent);
    }

    // Another exponent than 65537 means a public key built from parameters, which an issuer key certifies.
    private static X509Certificate2 RsaCertificate(int bits, int exponent)
    {
        // A size that is not a whole number of bytes: the modulus of the next size with its top bits cleared, the
        // highest remaining one set.
        using var generated = RSA.Create((bits + 7) / 8 * 8);
        var modulus = generated.ExportParameters(false).Modulus!;
        var cleared = ((bits + 7) / 8 * 8) - bits;
        modulus[0] = (byte)((modulus[0] & (0xFF >> cleared)) | (0x80 >> cleared));
        using var subject = RsaPublic(modulus, exponent);
        using var issuer = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName("CN=rsa"), new PublicKey(subject), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var generator = X509SignatureGenerator.CreateForRSA(issuer, RSASignaturePadding.Pkcs1);
        return request.Create(new X500DistinguishedName("CN=issuer"), generator, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3]);
    }

    private static RSA RsaPublic(byte[] modulus, int exponent)
    {
        var bytes = BitConverter.GetBytes(exponent).Reverse().SkipWhile(b => b == 0).ToArray();
        return RSA.Create(new RSAParameters { Modulus = modulus, Exponent = bytes });
    }
}
