using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Verification.Profile;

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
    [Theory]
    [InlineData("<SignatureValue>[^<]*</SignatureValue>", "")]
    [InlineData("<DigestValue>[^<]*</DigestValue>", "")]
    [InlineData("<SignatureValue>[^<]*</SignatureValue>", "<SignatureValue>@@not base64@@</SignatureValue>")]
    public void A_hostile_signature_is_refused_without_an_exception(string pattern, string replacement)
    {
        var text = Encoding.UTF8.GetString(SampleMetadata.Sign(Federation.Key, Federation.Certificate));
        var hostile = System.Text.RegularExpressions.Regex.Replace(text, pattern, replacement);

        var result = Pinned().Verify(Encoding.UTF8.GetBytes(hostile));

        Assert.NotEqual(text, hostile);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_comment_between_cdata_sections_is_refused_although_the_signature_still_holds()
    {
        var result = VerifyEdited(
            ">Example University</md:OrganizationName>",
            "><![CDATA[Example]]><!--injected--><![CDATA[ University]]></md:OrganizationName>");

        Assert.False(result.IsValid);
        Assert.Contains("a comment splits the text", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_look_alike_element_in_another_namespace_does_not_satisfy_the_profile()
    {
        var result = VerifyEdited(
            "<SignedInfo><CanonicalizationMethod",
            "<SignedInfo><x:CanonicalizationMethod xmlns:x=\"urn:look-alike\" Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/><CanonicalizationMethod");

        Assert.False(result.IsValid);
        Assert.Contains("SignedInfo holds", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030-01-01")]
    [InlineData("1/2/2030")]
    [InlineData("2030-01-01T00:00:00")]
    public void A_valid_until_that_is_not_an_xs_date_time_with_a_zone_is_refused(string validUntil)
    {
        var document = SampleMetadata.UnsignedAggregate();
        document.DocumentElement!.SetAttribute("validUntil", validUntil);
        var signed = new Fedmd.Signer.Signing.EnvelopedMetadataSigner(Federation.Key, Federation.Certificate, SignatureMethod.Default)
            .Sign(SampleMetadata.Request(document));

        var result = new StrictVerifier(new VerificationOptions { PinnedCertificates = [Federation.Certificate], MaxValidity = TimeSpan.FromDays(36500) }).Verify(signed);

        Assert.False(result.IsValid);
        Assert.Contains("is not an xs:dateTime", result.Failure, StringComparison.Ordinal);
    }

    private static VerificationResult VerifyEdited(string original, string edited)
    {
        var text = Encoding.UTF8.GetString(SampleMetadata.Sign(Federation.Key, Federation.Certificate));
        Assert.Contains(original, text, StringComparison.Ordinal);
        return Pinned().Verify(Encoding.UTF8.GetBytes(text.Replace(original, edited, StringComparison.Ordinal)));
    }

    private static StrictVerifier Pinned() => new(new VerificationOptions { PinnedCertificates = [Federation.Certificate] });
}
