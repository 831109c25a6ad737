using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Time;
using Fedmd.Verification;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Tests.Verification.Streaming;

/// <summary>
/// The strict verifier reading the signature last, as the self-check does while the signer still writes: the same
/// verdict and reason as reading in order, and the signature judged on the bytes that are final, not on the
/// placeholder that stood there while the content streamed past.
/// </summary>
public sealed partial class SignatureLastVerificationTests
{
    private const string Outside = "outside the byte-level subset";

    public static TheoryData<string> CorpusFiles() => SharedCorpus.XmlFiles();

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Reading_the_signature_last_agrees_with_reading_in_order_on_every_corpus_file(string relative)
    {
        var bytes = File.ReadAllBytes(SharedCorpus.File(relative));
        var verifier = new StrictVerifier(new VerificationOptions
        {
            PinnedCertificates = EmbeddedCertificates(bytes),
            MaxValidity = TimeSpan.FromDays(365 * 100),
            Clock = new FixedClock(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        });

        var inOrder = verifier.Verify(bytes);
        var last = SignatureLast(verifier, bytes, bytes);

        if (last.Failure?.Contains(Outside, StringComparison.Ordinal) == true)
        {
            Assert.Null(Utf8CanonicalScanner.TryScan(new MemoryStream(bytes, writable: false), bytes.Length, output: null, omitEnvelopedSignature: true));
            return;
        }

        Assert.Equal(inOrder.Failure, last.Failure);
        Assert.Equal(inOrder.IsValid, last.IsValid);
    }

    [Fact]
    public void The_final_signature_is_judged_not_the_placeholder_read_with_the_content()
    {
        var (signed, verifier) = Signed("signature-last-placeholder");

        var result = SignatureLast(verifier, Placeholder(signed), signed);

        Assert.True(result.IsValid, result.Failure);
        Assert.False(SignatureLast(verifier, Placeholder(signed), Placeholder(signed)).IsValid);
    }

    [Fact]
    public void A_final_signature_changed_after_signing_does_not_verify()
    {
        var (signed, verifier) = Signed("signature-last-changed");
        var text = Encoding.UTF8.GetString(signed);
        var value = SignatureValue().Match(text).Groups[1];
        var changed = Encoding.UTF8.GetBytes(text[..value.Index] + (text[value.Index] == 'A' ? 'B' : 'A') + text[(value.Index + 1)..]);

        var result = SignatureLast(verifier, signed, changed);

        Assert.False(result.IsValid);
        Assert.Contains("does not verify", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two elements", "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"/><x/>")]
    [InlineData("another element", "<Unsigned xmlns=\"http://www.w3.org/2000/09/xmldsig#\"></Unsigned>")]
    [InlineData("not closed", "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">")]
    public void Final_bytes_that_are_not_exactly_one_signature_are_refused(string name, string replacement)
    {
        var (signed, verifier) = Signed("signature-last-shape-" + name.Replace(' ', '-'));
        var text = Encoding.UTF8.GetString(signed);
        var start = text.IndexOf("<Signature", StringComparison.Ordinal);
        var end = text.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length;
        var final = Encoding.UTF8.GetBytes(text[..start] + replacement.PadRight(end - start, ' ') + text[end..]);

        var result = SignatureLast(verifier, signed, final);

        Assert.False(result.IsValid, name);
    }

    private static VerificationResult SignatureLast(StrictVerifier verifier, byte[] read, byte[] final) =>
        verifier.VerifyWithSignatureLast(new MemoryStream(read, writable: false), (offset, length) => final.AsSpan((int)offset, length).ToArray());

    private static (byte[] Signed, StrictVerifier Verifier) Signed(string name)
    {
        var (key, certificate) = TestCertificates.CreateRsa(name);
        using (key)
        {
            return (SampleMetadata.Sign(key, certificate), new StrictVerifier(new VerificationOptions { PinnedCertificates = [certificate] }));
        }
    }

    // The signed document with its digest and signature value zeroed, as the signer's placeholder stands.
    private static byte[] Placeholder(byte[] signed)
    {
        var text = Encoding.UTF8.GetString(signed);
        text = DigestValue().Replace(text, m => $"<DigestValue>{new string('A', m.Groups[1].Length)}</DigestValue>");
        text = SignatureValue().Replace(text, m => $"<SignatureValue>{new string('A', m.Groups[1].Length)}</SignatureValue>");
        return Encoding.UTF8.GetBytes(text);
    }

    private static X509Certificate2[] EmbeddedCertificates(byte[] bytes) =>
        [.. CertificateText().Matches(Encoding.UTF8.GetString(bytes)).Select(m => TryLoad(m.Groups[1].Value)).OfType<X509Certificate2>().Take(50)];

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

    [GeneratedRegex("<DigestValue>([^<]*)</DigestValue>")]
    private static partial Regex DigestValue();

    [GeneratedRegex("<SignatureValue>([^<]*)</SignatureValue>")]
    private static partial Regex SignatureValue();

    [GeneratedRegex(@"X509Certificate>\s*([A-Za-z0-9+/=\s]+?)\s*</")]
    private static partial Regex CertificateText();
}
