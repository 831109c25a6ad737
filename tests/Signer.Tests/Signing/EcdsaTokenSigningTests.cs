using System.Security.Cryptography;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Signing;

/// <summary>
/// EC keys generated on a SoftHSM2 token sign metadata with ecdsa-sha256 and ecdsa-sha384 through <c>CKM_ECDSA</c>;
/// our strict verifier and xmlsec1 (with the bare public key) both accept the r‖s SignatureValue.
/// </summary>
public sealed class EcdsaTokenSigningTests : IDisposable
{
    private static readonly TestToken Token = TestHsm.CreateToken("ecdsa");

    private readonly TemporaryDirectory _directory = new();

    [Theory]
    [InlineData("P-256", "1.2.840.10045.3.1.7", "ecdsa-sha256", 0x21)]
    [InlineData("P-384", "1.3.132.0.34", "ecdsa-sha384", 0x22)]
    public void Ec_token_key_signs_metadata_that_our_verifier_and_xmlsec1_accept(string curve, string curveOid, string methodName, byte id)
    {
        var label = "ec-" + curve;
        EcTokenKeys.Generate(Token, label, id, curveOid);
        using var key = new Pkcs11Key(TestHsm.Module, Pkcs11KeyUri.Parse($"pkcs11:token={Token.Label};object={label}?module-path={TestHsm.ModulePath}"), new FilePinSource(Token.PinFile));
        var method = SignatureMethod.FromName(methodName);
        using var ecdsa = new HsmEcdsa(key, method);
        var certificate = EcTokenKeys.SelfSigned(ecdsa, label);
        KeyCertificateBinding.Require(key, certificate, "ec.crt");

        var signed = new EnvelopedMetadataSigner(ecdsa, certificate, method).Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate()));
        var result = new StrictVerifier(new VerificationOptions { PinnedCertificates = [certificate] }).Verify(signed);
        var path = _directory.Combine(label + ".xml");
        File.WriteAllBytes(path, signed);
        var publicKey = _directory.Combine(label + ".pub.pem");
        File.WriteAllText(publicKey, new string(PemEncoding.Write("PUBLIC KEY", certificate.PublicKey.ExportSubjectPublicKeyInfo())) + "\n");
        var xmlsec1 = ExternalTool.Run("xmlsec1",
            ["--verify", "--enabled-key-data", "ecdsa", "--pubkey-pem", publicKey, "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntitiesDescriptor", path]);

        Assert.True(result.IsValid, result.Failure);
        Assert.Contains(method.Uri, System.Text.Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
        Assert.True(xmlsec1.ExitCode == 0 && xmlsec1.Output.Contains("OK", StringComparison.Ordinal), xmlsec1.Output);
    }

    [Fact]
    public void An_ecdsa_signature_is_refused_when_the_verifier_allows_only_rsa()
    {
        EcTokenKeys.Generate(Token, "ec-rsa-only", 0x23, "1.2.840.10045.3.1.7");
        using var key = new Pkcs11Key(TestHsm.Module, Pkcs11KeyUri.Parse($"pkcs11:token={Token.Label};object=ec-rsa-only?module-path={TestHsm.ModulePath}"), new FilePinSource(Token.PinFile));
        var method = SignatureMethod.FromName("ecdsa-sha256");
        using var ecdsa = new HsmEcdsa(key, method);
        var certificate = EcTokenKeys.SelfSigned(ecdsa, "ec-rsa-only");
        var signed = new EnvelopedMetadataSigner(ecdsa, certificate, method).Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate()));

        var result = new StrictVerifier(new VerificationOptions
        {
            PinnedCertificates = [certificate],
            AllowedSignatureMethods = new HashSet<SignatureMethod> { SignatureMethod.Default },
        }).Verify(signed);

        Assert.False(result.IsValid);
        Assert.Contains("is not on the allow-list", result.Failure, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
