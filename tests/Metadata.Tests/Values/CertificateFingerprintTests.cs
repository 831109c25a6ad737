using Fedmd.Metadata.Values;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Metadata.Values;

public sealed class CertificateFingerprintTests
{
    [Fact]
    public void Display_form_is_uppercase_colon_separated_hex_with_the_algorithm_label()
    {
        var fingerprint = CertificateFingerprint.OfBytes("abc"u8, FingerprintAlgorithm.Sha256);

        Assert.Equal(
            "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD (SHA256)",
            fingerprint.ToDisplayString());
    }

    [Fact]
    public void Sha1_display_form_carries_the_sha1_label()
    {
        var fingerprint = CertificateFingerprint.OfBytes("abc"u8, FingerprintAlgorithm.Sha1);

        Assert.Equal("A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D (SHA1)", fingerprint.ToDisplayString());
    }

    [Theory]
    [InlineData("SHA256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("sha-256:BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD")]
    public void Parses_plain_and_colon_separated_hex_in_any_case(string text)
    {
        Assert.Equal(CertificateFingerprint.OfBytes("abc"u8, FingerprintAlgorithm.Sha256), CertificateFingerprint.Parse(text));
    }

    [Theory]
    [InlineData("BA7816BF")]
    [InlineData("MD5:900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("SHA256:zz")]
    [InlineData("SHA256:ba7816bf")]
    public void Refuses_what_is_not_a_fingerprint(string text)
    {
        Assert.Throws<FormatException>(() => CertificateFingerprint.Parse(text));
    }

    [Fact]
    public void Certificate_and_public_key_fingerprints_differ_and_the_key_one_survives_reissue()
    {
        var (key, first) = TestCertificates.CreateRsa("signer");
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=signer reissued", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var reissued = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        Assert.NotEqual(CertificateFingerprint.Of(first, FingerprintAlgorithm.Sha256), CertificateFingerprint.Of(reissued, FingerprintAlgorithm.Sha256));
        Assert.Equal(CertificateFingerprint.OfPublicKey(first, FingerprintAlgorithm.Sha256), CertificateFingerprint.OfPublicKey(reissued, FingerprintAlgorithm.Sha256));
    }
}
