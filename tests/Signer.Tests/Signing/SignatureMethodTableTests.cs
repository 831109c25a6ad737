using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Tests.Signer.Signing;

/// <summary>
/// Every row of the signature-method table, end to end: a token key of the row's family signs with the row's
/// PKCS#11 mechanism, the document carries the row's SignatureMethod and DigestMethod URIs, and both our strict
/// verifier (allowing only that row) and xmlsec1 (with the bare public key) accept it. A new row is tested here
/// without a new test.
/// </summary>
public sealed class SignatureMethodTableTests : IDisposable
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";
    private const string P384 = "1.3.132.0.34";

    private static readonly TestToken RsaToken = TestHsm.CreateToken("table-rsa");
    private static readonly TestToken EcToken = TestHsm.CreateToken("table-ec");

    private readonly TemporaryDirectory _directory = new();

    public static TheoryData<string> Rows => [.. SignatureMethod.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_token_key_signs_with_the_row_and_our_verifier_and_xmlsec1_accept_it(string name)
    {
        var method = SignatureMethod.FromName(name);
        var row = SignatureMethod.All.ToList().IndexOf(method);
        using var token = OpenKeyFor(method, row, out var certificate);
        var recording = new MechanismRecordingKey(token);
        using var signingKey = method.KeyFamily == KeyFamily.Ec ? (AsymmetricAlgorithm)new HsmEcdsa(recording, method) : new HsmRsa(recording, method);

        var signed = new EnvelopedMetadataSigner(signingKey, certificate, method).Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate()));
        var result = new StrictVerifier(new VerificationOptions
        {
            PinnedCertificates = [certificate],
            AllowedSignatureMethods = new HashSet<SignatureMethod> { method },
        }).Verify(signed);
        var xmlsec1 = Xmlsec1(signed, certificate, method);

        Assert.Equal(ExpectedMechanism(method.KeyFamily), (CKM)method.Pkcs11Mechanism);
        Assert.Equal([method], recording.Methods.Distinct());
        var document = SampleMetadata.Load(signed);
        Assert.Equal(method.Uri, Algorithm(document, "SignatureMethod"));
        Assert.Equal(method.DigestUri, Algorithm(document, "DigestMethod"));
        Assert.True(result.IsValid, result.Failure);
        Assert.True(xmlsec1.ExitCode == 0 && xmlsec1.Output.Contains("OK", StringComparison.Ordinal), xmlsec1.Output);
    }

    public void Dispose() => _directory.Dispose();

    private static Pkcs11Key OpenKeyFor(SignatureMethod method, int row, out X509Certificate2 certificate)
    {
        if (method.KeyFamily == KeyFamily.Rsa)
        {
            certificate = RsaToken.Certificate;
            return RsaToken.OpenKey();
        }

        // One key per row, so that rows run in any order; P-384 is at least as strong as every hash on the table.
        var label = "table-" + method.Name;
        EcTokenKeys.Generate(EcToken, label, (byte)(0x40 + row), P384);
        var key = new Pkcs11Key(TestHsm.Module, Pkcs11KeyUri.Parse($"pkcs11:token={EcToken.Label};object={label}?module-path={TestHsm.ModulePath}"), new FilePinSource(EcToken.PinFile));
        using var publicHalf = new HsmEcdsa(key, method);
        certificate = EcTokenKeys.SelfSigned(publicHalf, label);
        return key;
    }

    private static CKM ExpectedMechanism(KeyFamily family) => family == KeyFamily.Ec ? CKM.CKM_ECDSA : CKM.CKM_RSA_PKCS;

    private static string Algorithm(XmlDocument document, string element) =>
        ((XmlElement)document.GetElementsByTagName(element, Ds)[0]!).GetAttribute("Algorithm");

    private ToolResult Xmlsec1(byte[] signed, X509Certificate2 certificate, SignatureMethod method)
    {
        var path = _directory.Combine(method.Name + ".xml");
        File.WriteAllBytes(path, signed);
        var publicKey = _directory.Combine(method.Name + ".pub.pem");
        File.WriteAllText(publicKey, new string(PemEncoding.Write("PUBLIC KEY", certificate.PublicKey.ExportSubjectPublicKeyInfo())) + "\n");
        return ExternalTool.Run("xmlsec1",
        [
            "--verify", "--enabled-key-data", method.KeyFamily == KeyFamily.Ec ? "ecdsa" : "rsa", "--pubkey-pem", publicKey,
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntitiesDescriptor", path,
        ]);
    }

    /// <summary>Records the method each signing asks the token for, so the test sees the mechanism actually used.</summary>
    private sealed class MechanismRecordingKey(IHsmKey inner) : IHsmKey
    {
        public List<SignatureMethod> Methods { get; } = [];

        public byte[] ExportSubjectPublicKeyInfo() => inner.ExportSubjectPublicKeyInfo();

        public byte[] Sign(SignatureMethod method, byte[] data)
        {
            Methods.Add(method);
            return inner.Sign(method, data);
        }
    }
}
