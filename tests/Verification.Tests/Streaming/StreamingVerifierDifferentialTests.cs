using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Verification.Streaming;

/// <summary>
/// The streaming strict verifier against the DOM reference: the same verdict and the same reason on every corpus
/// file, trusting the certificate each file carries so that digest and signature are really compared.
/// </summary>
public sealed partial class StreamingVerifierDifferentialTests
{
    public static TheoryData<string> CorpusFiles() => SharedCorpus.XmlFiles();

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Streaming_and_dom_verifiers_agree_on_every_corpus_file(string relative)
    {
        var bytes = File.ReadAllBytes(SharedCorpus.File(relative));
        var verifier = new StrictVerifier(new VerificationOptions
        {
            PinnedCertificates = EmbeddedCertificates(bytes),
            MaxValidity = TimeSpan.FromDays(365 * 100),
            Clock = new FixedClock(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        });

        var streamed = verifier.Verify(bytes);
        var dom = verifier.VerifyWithDom(bytes);

        Assert.Equal(dom.Failure, streamed.Failure);
        Assert.Equal(dom.IsValid, streamed.IsValid);
        Assert.Equal(dom.SignedContent, streamed.SignedContent);
    }

    [Fact]
    public void A_changed_character_in_the_content_is_refused_by_the_streaming_path()
    {
        var (key, certificate) = TestCertificates.CreateRsa("streaming-tamper");
        using (key)
        {
            var signed = Encoding.UTF8.GetString(SampleMetadata.Sign(key, certificate));
            var tampered = Encoding.UTF8.GetBytes(signed.Replace("Example University", "Exampel University", StringComparison.Ordinal));
            var verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [certificate] });

            Assert.True(verifier.Verify(Encoding.UTF8.GetBytes(signed)).IsValid);
            Assert.Contains("does not verify", verifier.Verify(tampered).Failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Streaming_from_a_stream_writes_what_was_signed_in_the_same_pass()
    {
        var (key, certificate) = TestCertificates.CreateRsa("streaming-out");
        using (key)
        {
            var signed = SampleMetadata.Sign(key, certificate);
            var verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [certificate] });
            using var signedContent = new MemoryStream();

            var result = verifier.Verify(new MemoryStream(signed), signedContent);

            Assert.True(result.IsValid, result.Failure);
            Assert.Equal(verifier.VerifyWithDom(signed).SignedContent, signedContent.ToArray());
        }
    }

    private static X509Certificate2[] EmbeddedCertificates(byte[] bytes) =>
        [.. CertificateElement().Matches(Encoding.UTF8.GetString(bytes)).Select(m => TryLoad(m.Groups[1].Value)).OfType<X509Certificate2>().Take(50)];

    private static X509Certificate2? TryLoad(string base64)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"X509Certificate>\s*([A-Za-z0-9+/=\s]+?)\s*</")]
    private static partial Regex CertificateElement();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
