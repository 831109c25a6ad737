using System.Security.Cryptography;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Interop;

/// <summary>
/// The Shibboleth Metadata Aggregator's golden signing sample, reproduced through a SoftHSM2 token. RSA PKCS#1 v1.5
/// is deterministic, so DigestValue and SignatureValue must equal the aggregator's byte for byte.
/// <para>
/// The sample's root ID is <c>1234</c>, which is not an NCName; the pipeline's signer refuses it (a test below proves
/// that). Renaming the ID is no way out: the ID is part of the signed bytes and of the Reference URI, so both values
/// would change and the comparison with the aggregator's output would be lost. The test therefore signs through
/// <c>EnvelopedMetadataSigner.SignAllowingAnyRootId</c>, an internal entry point visible only to this test assembly,
/// which runs the same signing code without the NCName check. The signer resolves its Reference to the root element
/// itself rather than by ID lookup, which is why the same code can sign a root that .NET's ID lookup rejects.
/// </para>
/// </summary>
public sealed class MdaGoldenSampleTests
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";

    [SharedCorpusFact]
    public void Token_signature_of_the_mda_sample_equals_the_aggregators_digest_and_signature_values()
    {
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(SharedCorpus.File("mda/XMLSignatureSigningStage-signingKey.pem")));
        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(
            SharedCorpus.File("mda/XMLSignatureSigningStage-signingCert.pem"));
        var token = TestHsm.CreateToken("mda-golden", key, certificate);
        using var tokenKey = token.OpenKey();
        using var hsmRsa = new HsmRsa(tokenKey, SignatureMethod.Default);
        var signer = new EnvelopedMetadataSigner(hsmRsa, certificate, SignatureMethod.Default);

        var signed = signer.SignAllowingAnyRootId(Request());
        var expected = Loader().LoadFile(SharedCorpus.File("mda/XMLSignatureSigningStage-output.xml"));
        var actual = Loader().Load(signed);

        Assert.Equal(Value(expected, "DigestValue"), Value(actual, "DigestValue"));
        Assert.Equal(Value(expected, "SignatureValue"), Value(actual, "SignatureValue"));
    }

    [SharedCorpusFact]
    public void The_pipeline_signer_refuses_the_samples_non_ncname_root_id()
    {
        var (key, certificate) = TestCertificates.CreateRsa("mda-ncname");
        using (key)
        {
            var signer = new EnvelopedMetadataSigner(key, certificate, SignatureMethod.Default);

            var failure = Assert.Throws<FedmdException>(() => signer.Sign(Request()));

            Assert.Equal(FailureKind.InvalidDocument, failure.Kind);
            Assert.Contains("'1234' is not an NCName", failure.Message, StringComparison.Ordinal);
        }
    }

    private static SigningRequest Request() =>
        new("mda", File.ReadAllBytes(SharedCorpus.File("mda/XMLSignatureSigningStage-input.xml")), 2, null);

    private static SafeXmlLoader Loader() => new(16 * 1024 * 1024);

    private static string Value(XmlDocument document, string name) =>
        string.Concat(document.GetElementsByTagName(name, Ds).Cast<XmlElement>().Single().InnerText.Where(c => !char.IsWhiteSpace(c)));
}
