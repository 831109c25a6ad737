using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Verification;
using Fedmd.Tests.Signer.Fixtures;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Signer.Verification;

public sealed class StrictVerifierProfileTests
{
    private static readonly (RSA Key, X509Certificate2 Certificate) Federation = TestCertificates.CreateRsa("fedmd-profile");

    [Theory]
    [InlineData("Id")]
    [InlineData("id")]
    public void A_nested_element_carrying_the_root_id_in_another_id_attribute_is_refused(string attribute)
    {
        var result = VerifyEdited(
            "entityID=\"https://sp.example.ac.za/sp\"", $"entityID=\"https://sp.example.ac.za/sp\" {attribute}=\"{SampleMetadata.RootId}\"");

        Assert.False(result.IsValid);
        Assert.Contains("carries the root's ID", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_with_a_ds_object_is_refused()
    {
        var result = VerifyEdited("</Signature>", "<Object>unsigned</Object></Signature>");

        Assert.False(result.IsValid);
        Assert.Contains("ds:Object", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signed_content_is_the_canonical_root_without_signature_or_comments()
    {
        var result = VerifyEdited("<md:EntityDescriptor entityID=\"https://sp", "<!-- between entities --><md:EntityDescriptor entityID=\"https://sp");

        Assert.True(result.IsValid, result.Failure);
        var content = Encoding.UTF8.GetString(result.SignedContent!);
        Assert.StartsWith("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", content, StringComparison.Ordinal);
        Assert.DoesNotContain("between entities", content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validUntil_beyond_the_maximum_window_is_refused()
    {
        var signed = SampleMetadata.Sign(Federation.Key, Federation.Certificate, validUntil: DateTimeOffset.UtcNow.AddDays(40));

        var result = Pinned().Verify(signed);
        var longer = new StrictVerifier(new VerificationOptions { PinnedCertificates = [Federation.Certificate], MaxValidity = TimeSpan.FromDays(60) }).Verify(signed);

        Assert.Contains("further away than the maximum validity of 28 days", result.Failure, StringComparison.Ordinal);
        Assert.True(longer.IsValid, longer.Failure);
    }

    [Fact]
    public void A_fingerprint_of_the_public_key_pins_the_certificate_in_key_info()
    {
        var signed = SampleMetadata.Sign(Federation.Key, Federation.Certificate);

        var result = new StrictVerifier(new VerificationOptions
        {
            PinnedFingerprints = [CertificateFingerprint.OfPublicKey(Federation.Certificate, FingerprintAlgorithm.Sha256)],
        }).Verify(signed);

        Assert.True(result.IsValid, result.Failure);
    }

    /// <summary>Signs the sample, edits its text once (the edit must apply), and verifies the result.</summary>
    private static VerificationResult VerifyEdited(string original, string edited)
    {
        var text = Encoding.UTF8.GetString(SampleMetadata.Sign(Federation.Key, Federation.Certificate));
        Assert.Contains(original, text, StringComparison.Ordinal);
        return Pinned().Verify(Encoding.UTF8.GetBytes(text.Replace(original, edited, StringComparison.Ordinal)));
    }

    private static StrictVerifier Pinned() => new(new VerificationOptions { PinnedCertificates = [Federation.Certificate] });
}
