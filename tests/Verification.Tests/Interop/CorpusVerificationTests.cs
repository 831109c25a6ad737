using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Time;
using Fedmd.Verification;

namespace Fedmd.Tests.Verification.Interop;

/// <summary>
/// Real signed metadata from other projects. These files expired long ago, so each is checked twice: with the clock
/// set shortly before its validUntil (the verifier's clock is injectable), which tests the whole signature and profile,
/// and with today's clock, where the only acceptable refusal is the expiry.
/// </summary>
public sealed class CorpusVerificationTests
{
    [SharedCorpusTheory]
    [InlineData("smee/valid.xml", "smee/certs/ukfederation-mdq.pem", "2018-06-09T15:17:36.931Z")]
    [InlineData("mda/XMLSignatureValidationStage-signed.xml", "mda/XMLSignatureValidationStage-signingCert.pem", "2010-09-20T15:59:02Z")]
    public void Real_signed_files_verify_while_they_were_valid_and_are_refused_as_expired_today(string file, string certificate, string validUntil)
    {
        var bytes = File.ReadAllBytes(SharedCorpus.File(file));
        var until = DateTimeOffset.Parse(validUntil, CultureInfo.InvariantCulture);

        var then = Verifier(certificate, until.AddDays(-3)).Verify(bytes);
        var today = Verifier(certificate, DateTimeOffset.UtcNow).Verify(bytes);

        Assert.True(then.IsValid, then.Failure);
        Assert.Equal(until, then.ValidUntil);
        Assert.False(today.IsValid);
        Assert.StartsWith("the document expired at", today.Failure, StringComparison.Ordinal);
    }

    [SharedCorpusTheory]
    [InlineData("mda/XMLSignatureValidationStage-badSignature.xml", "mda/XMLSignatureValidationStage-signingCert.pem", "2010-09-17T00:00:00Z")]
    [InlineData("smee/tampered.xml", "smee/certs/ukfederation-mdq.pem", "2018-06-08T00:00:00Z")]
    public void Real_files_changed_after_signing_are_refused_even_while_valid(string file, string certificate, string now)
    {
        var result = Verifier(certificate, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)).Verify(File.ReadAllBytes(SharedCorpus.File(file)));

        Assert.False(result.IsValid);
        Assert.Contains("does not verify with any pinned key", result.Failure, StringComparison.Ordinal);
    }

    private static StrictVerifier Verifier(string certificate, DateTimeOffset now) => new(new VerificationOptions
    {
        PinnedCertificates = [X509CertificateLoader.LoadCertificateFromFile(SharedCorpus.File(certificate))],
        Clock = new FixedClock(now),
    });
}
