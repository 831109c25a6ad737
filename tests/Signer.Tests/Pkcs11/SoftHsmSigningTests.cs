using System.Security.Cryptography;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Pkcs11;

public sealed class SoftHsmSigningTests
{
    private static readonly TestToken Token = TestHsm.CreateToken("signing");

    [Fact]
    public void Token_key_signature_equals_the_software_signature_of_the_same_key()
    {
        using var key = Token.OpenKey();
        using var hsmRsa = new HsmRsa(key, SignatureMethod.Default);
        var data = "federation metadata"u8.ToArray();

        var fromToken = hsmRsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var fromSoftware = Token.Key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.Equal(fromSoftware, fromToken);
    }

    [Fact]
    public void Token_public_key_matches_the_certificate()
    {
        using var key = Token.OpenKey();
        KeyCertificateBinding.Require(key, Token.Certificate, Token.CertificateFile);
    }

    [Fact]
    public void Another_certificate_is_refused_as_not_bound_to_the_key()
    {
        using var key = Token.OpenKey();
        var (_, other) = Fedmd.TestSupport.TestCertificates.CreateRsa("someone-else");

        var failure = Assert.Throws<Fedmd.Metadata.Failures.FedmdException>(() => KeyCertificateBinding.Require(key, other, "other.crt"));

        Assert.Contains("does not hold the public key", failure.Message, StringComparison.Ordinal);
    }
}
