using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Signing;

/// <summary>
/// The streaming signer against the DOM reference (same digest, same signature value, both verify) and judged by
/// xmlsec1, samlsign and the strict verifier, including documents on which .NET's SignedXml departs from the
/// specification.
/// </summary>
public sealed partial class StreamingSignerTests : IDisposable
{
    private const string Md = "urn:oasis:names:tc:SAML:2.0:metadata";
    private readonly string _directory = Directory.CreateTempSubdirectory("fedmd-streaming-signer-").FullName;
    private readonly System.Security.Cryptography.RSA _key;
    private readonly X509Certificate2 _certificate;
    private readonly string _certificatePem;

    public StreamingSignerTests()
    {
        (_key, _certificate) = TestCertificates.CreateRsa("streaming-signer");
        _certificatePem = Path.Combine(_directory, "signer.pem");
        File.WriteAllText(_certificatePem, _certificate.ExportCertificatePem());
    }

    public static TheoryData<string, string> Tricky => TrickyDocuments.All;

    public void Dispose()
    {
        _key.Dispose();
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_sample_aggregate_gets_the_dom_references_digest_and_signature_value_and_both_verify()
    {
        var unsigned = Fedmd.Metadata.Xml.XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());

        var streamed = Signer().Sign(new SigningRequest("feed", unsigned, 2, null));
        var reference = DomReferenceSigner.Sign(unsigned, _key, _certificate, SignatureMethod.Default);

        Assert.Equal(DomReferenceSigner.Value(reference, "DigestValue"), DomReferenceSigner.Value(streamed, "DigestValue"));
        Assert.Equal(DomReferenceSigner.Value(reference, "SignatureValue"), DomReferenceSigner.Value(streamed, "SignatureValue"));
        Assert.True(Verifier().Verify(streamed).IsValid, Verifier().Verify(streamed).Failure);
        Assert.True(Verifier().Verify(reference).IsValid);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(Write("sample.xml", streamed), _certificatePem));
        Assert.True(IndependentVerifiers.SamlsignAccepts(Write("sample.xml", streamed), _certificatePem));
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Tricky_content_signed_by_streaming_verifies_with_xmlsec1_and_the_strict_verifier(string name, string xml)
    {
        var unsigned = Encoding.UTF8.GetBytes(AsAggregate(xml));
        if (xml.Contains("<ds:Signature", StringComparison.Ordinal))
        {
            Assert.Throws<FedmdException>(() => Signer().Sign(new SigningRequest("feed", unsigned, 0, null)));
            return;
        }

        var signed = Signer().Sign(new SigningRequest("feed", unsigned, 0, null));

        var path = Write("tricky.xml", signed);
        var xmlsec1 = IndependentVerifiers.Xmlsec1(path, _certificatePem);
        Assert.True(xmlsec1.ExitCode == 0 && xmlsec1.Output.Contains("OK", StringComparison.Ordinal), $"{name}: {xmlsec1.Output}");
        var strict = Verifier().Verify(signed);
        if (xml.Contains("<!--in-->", StringComparison.Ordinal))
        {
            Assert.Contains("a comment splits the text", strict.Failure, StringComparison.Ordinal);
        }
        else if (!TrickyDocuments.DotNetDivergences.Contains(name))
        {
            Assert.True(strict.IsValid, $"{name}: {strict.Failure}");
            Assert.Equal(
                DomReferenceSigner.Value(DomReferenceSigner.Sign(unsigned, _key, _certificate, SignatureMethod.Default), "DigestValue"),
                DomReferenceSigner.Value(signed, "DigestValue"));
        }
    }

    [Theory]
    [InlineData("bom, declaration and comment before the root", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a <comment> -->\n<?pi x?>\n<md:EntitiesDescriptor xmlns:md=\"" + Md + "\" ID=\"_a\" Name=\"a>b\" validUntil=\"{0}\">\n<md:EntityDescriptor entityID=\"https://a.example/\"/>\n</md:EntitiesDescriptor>\n")]
    [InlineData("self-closing root", "<md:EntitiesDescriptor xmlns:md=\"" + Md + "\" ID='_b' Name='x' validUntil='{0}' />")]
    [InlineData("default-namespace root", "<EntitiesDescriptor xmlns=\"" + Md + "\" ID=\"_c\" validUntil=\"{0}\"><EntityDescriptor entityID=\"https://c.example/\"/></EntitiesDescriptor>")]
    public void The_signature_is_spliced_in_after_the_root_start_tag_and_every_other_byte_is_kept(string name, string template)
    {
        var unsigned = Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));

        var signed = Signer().Sign(new SigningRequest("feed", unsigned, 1, null));

        Assert.True(Verifier().Verify(signed).IsValid, $"{name}: {Verifier().Verify(signed).Failure}");
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(Write("spliced.xml", signed), _certificatePem), name);
        var text = Encoding.UTF8.GetString(signed);
        var withoutSignature = SignatureElement().Replace(text, string.Empty);
        Assert.Equal(Encoding.UTF8.GetString(unsigned).Replace("' />", "' ></md:EntitiesDescriptor>", StringComparison.Ordinal), withoutSignature);
    }

    [Fact]
    public void A_document_in_another_encoding_is_signed_as_utf8()
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><md:EntitiesDescriptor xmlns:md=\"{Md}\" ID=\"_l\" Name=\"Universit\u00e9\"><md:EntityDescriptor entityID=\"https://l.example/\"/></md:EntitiesDescriptor>";
        var unsigned = Encoding.Latin1.GetBytes(xml);

        var signed = Signer().Sign(new SigningRequest("feed", unsigned, 1, null));

        Assert.Contains("Universit\u00e9", Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(Write("latin1.xml", signed), _certificatePem));
    }

    [Fact]
    public void An_already_signed_document_is_refused()
    {
        var signed = Signer().Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate()));

        var failure = Assert.Throws<FedmdException>(() => Signer().Sign(new SigningRequest("feed", signed, 2, null)));

        Assert.Contains("already carries a ds:Signature", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dtd_is_refused_as_an_invalid_document()
    {
        var unsigned = Encoding.UTF8.GetBytes($"<!DOCTYPE x [<!ENTITY e 'x'>]><md:EntitiesDescriptor xmlns:md=\"{Md}\" ID=\"_d\">&e;</md:EntitiesDescriptor>");

        var failure = Assert.Throws<FedmdException>(() => Signer().Sign(new SigningRequest("feed", unsigned, 0, null)));

        Assert.Equal(FailureKind.InvalidDocument, failure.Kind);
    }

    private static string AsAggregate(string tricky)
    {
        var body = Prolog().Replace(tricky, string.Empty);
        var until = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return $"<md:EntitiesDescriptor xmlns:md=\"{Md}\" ID=\"_aggregate\" validUntil=\"{until}\">{body}</md:EntitiesDescriptor>";
    }

    private EnvelopedMetadataSigner Signer() => new(_key, _certificate, SignatureMethod.Default);

    private StrictVerifier Verifier() => new(new VerificationOptions { PinnedCertificates = [_certificate] });

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [GeneratedRegex("^\uFEFF?(<\\?xml[^>]*\\?>)?")]
    private static partial Regex Prolog();

    [GeneratedRegex("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">.*?</Signature>", RegexOptions.Singleline)]
    private static partial Regex SignatureElement();
}
