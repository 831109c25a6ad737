using System.Text;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Signing;

public sealed class SelfCheckingSignerTests
{
    [Fact]
    public void A_signed_document_that_fails_the_strict_verifier_is_never_returned()
    {
        var (key, certificate) = TestCertificates.CreateRsa("self-check");
        using (key)
        {
            var corrupting = new CorruptingSigner(new EnvelopedMetadataSigner(key, certificate, SignatureMethod.Default));
            var signer = new SelfCheckingSigner(corrupting, new StrictVerifier(new VerificationOptions { PinnedCertificates = [certificate] }));

            var failure = Assert.Throws<FedmdException>(() => signer.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate())));

            Assert.Equal(FailureKind.Infrastructure, failure.Kind);
            Assert.Contains("self-check failed for feed test-feed", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_good_signature_passes_the_self_check()
    {
        var (key, certificate) = TestCertificates.CreateRsa("self-check-ok");
        using (key)
        {
            var signer = new SelfCheckingSigner(new EnvelopedMetadataSigner(key, certificate, SignatureMethod.Default),
                new StrictVerifier(new VerificationOptions { PinnedCertificates = [certificate] }));

            var signed = Encoding.UTF8.GetString(signer.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate())));

            Assert.Contains($"ID=\"{SampleMetadata.RootId}\"", signed, StringComparison.Ordinal);
            Assert.Matches("<md:EntitiesDescriptor [^>]*><Signature xmlns=", signed);
        }
    }

    /// <summary>Changes a signed character, as a faulty HSM or a bug between signing and publishing would.</summary>
    private sealed class CorruptingSigner(IMetadataSigner inner) : IMetadataSigner
    {
        public byte[] Sign(SigningRequest request) =>
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(inner.Sign(request)).Replace("Example University", "Exampel University", StringComparison.Ordinal));
    }
}
