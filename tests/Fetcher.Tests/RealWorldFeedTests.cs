using Fedmd.Fetcher;
using Fedmd.Metadata.Failures;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Http;
using Fedmd.TestSupport.Time;
using Fedmd.Verification;

namespace Fedmd.Tests.Fetcher;

/// <summary>
/// Signed real-world files from ../shared/corpus served and fetched with their published certificates. They are years
/// old, so they are judged with the clock set to an hour before their validUntil and the validity window widened.
/// </summary>
public sealed class RealWorldFeedTests : FeedServerTest
{

    [SharedCorpusTheory]
    [InlineData("smee/valid.xml", "smee/certs/ukfederation-mdq.pem", true)]
    [InlineData("smee/tampered.xml", "smee/certs/ukfederation-mdq.pem", false)]
    [InlineData("smee/missing.xml", "smee/certs/ukfederation-mdq.pem", false)]
    [InlineData("mda/XMLSignatureValidationStage-signed.xml", "mda/XMLSignatureValidationStage-signingCert.pem", true)]
    [InlineData("mda/XMLSignatureValidationStage-badSignature.xml", "mda/XMLSignatureValidationStage-signingCert.pem", false)]
    public async Task Real_signed_files_verify_or_are_rejected_as_their_origin_says(string document, string certificate, bool valid)
    {
        var bytes = File.ReadAllBytes(SharedCorpus.File(document));
        var validUntil = DateTimeOffset.Parse(
            new Fedmd.Metadata.Xml.SafeXmlLoader().Load(bytes).DocumentElement!.GetAttribute("validUntil"),
            System.Globalization.CultureInfo.InvariantCulture);
        Server.Serve(new FeedResponse(bytes, "\"corpus\""));
        var output = Directory.Combine("feed.xml");
        var request = new FetchRequest(Server.FeedUrl, output, new VerificationOptions
        {
            PinnedCertificates = [System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(SharedCorpus.File(certificate))],
            MaxValidity = TimeSpan.FromDays(36500),
        })
        {
            AllowHttp = true,
        };

        var outcome = await new MetadataFetcher(new FixedClock(validUntil.AddHours(-1))).FetchAsync(request);

        Assert.True(outcome.Succeeded == valid, outcome.Failure);
        if (valid)
        {
            Assert.Equal(bytes, File.ReadAllBytes(output));
        }
        else
        {
            Assert.Equal(FailureKind.InvalidDocument, outcome.FailureKind);
            Assert.False(File.Exists(output));
        }
    }

    [SharedCorpusFact]
    public async Task A_real_file_pinned_to_the_wrong_certificate_is_rejected()
    {
        Server.Serve(new FeedResponse(File.ReadAllBytes(SharedCorpus.File("smee/valid.xml")), "\"corpus\""));
        var request = new FetchRequest(Server.FeedUrl, Directory.Combine("feed.xml"), new VerificationOptions
        {
            PinnedCertificates = [System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(SharedCorpus.File("smee/certs/incommon-mdq.pem"))],
            MaxValidity = TimeSpan.FromDays(36500),
        })
        {
            AllowHttp = true,
        };

        var outcome = await new MetadataFetcher(new FixedClock(new DateTimeOffset(2018, 6, 9, 0, 0, 0, TimeSpan.Zero))).FetchAsync(request);

        Assert.Equal(FailureKind.InvalidDocument, outcome.FailureKind);
        Assert.Contains("does not verify with any pinned key", outcome.Failure, StringComparison.Ordinal);
    }
}
