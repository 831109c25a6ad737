using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;
using Fedmd.Signer.Audit;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Time;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Signing;

/// <summary>
/// Signing file to file (what <c>fedmd sign</c> does, holding neither document): the same bytes as signing in
/// memory, and the decorators judge and record what was written, read back from the output.
/// </summary>
public sealed class FileSigningTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();
    private readonly RSA _key;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate;

    public FileSigningTests()
    {
        (_key, _certificate) = TestCertificates.CreateRsa("file-signing");
    }

    public static TheoryData<string, string> Tricky => TrickyDocuments.All;

    public void Dispose()
    {
        _key.Dispose();
        _certificate.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Signing_a_file_writes_the_bytes_signing_in_memory_returns(string name, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        byte[] inMemory;
        try
        {
            inMemory = Signer().Sign(new SigningRequest("feed", bytes, 0, null));
        }
        catch (FedmdException refused)
        {
            // The documents that already carry a signature: refused the same way from a file.
            Assert.Equal(refused.Message, Assert.Throws<FedmdException>(() => SignFile(Signer(), bytes)).Message);
            return;
        }

        Assert.True(inMemory.AsSpan().SequenceEqual(SignFile(Signer(), bytes)), name);
    }

    [Fact]
    public void A_document_outside_the_fast_path_is_signed_in_memory_with_the_same_result()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><root ID=\"_latin\"><a>caf\u00e9</a></root>");

        Assert.Equal(Signer().Sign(new SigningRequest("feed", bytes, 0, null)), SignFile(Signer(), bytes));
    }

    [Fact]
    public void A_prolog_longer_than_the_first_read_is_read_on()
    {
        var bytes = Encoding.UTF8.GetBytes($"<!-- {new string('c', 200_000)} --><root ID=\"_long\"><a/></root>");

        Assert.Equal(Signer().Sign(new SigningRequest("feed", bytes, 0, null)), SignFile(Signer(), bytes));
    }

    [Fact]
    public void An_already_signed_file_is_refused()
    {
        var signed = SampleMetadata.Sign(_key, _certificate);

        var failure = Assert.Throws<FedmdException>(() => SignFile(Signer(), signed));

        Assert.Contains("already carries a ds:Signature", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_self_check_reads_back_the_written_file_and_refuses_a_corrupted_one()
    {
        var verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [_certificate] });
        var unsigned = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());

        Assert.NotEmpty(SignFile(new SelfCheckingSigner(Signer(), verifier), unsigned));
        var failure = Assert.Throws<FedmdException>(() => SignFile(new SelfCheckingSigner(new CorruptingFileSigner(Signer()), verifier), unsigned));
        Assert.Contains("self-check failed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_records_the_digest_of_what_was_written()
    {
        var log = new AuditLog(_directory.Combine("audit.jsonl"));
        var signer = new AuditingSigner(Signer(), log, new SignerIdentity("pkcs11:token=t;object=k", "SHA256:AB", "host", "fedmd"), new FixedClock(Now));

        var written = SignFile(signer, XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate()));

        var line = JsonNode.Parse(Assert.Single(File.ReadAllLines(log.Path)))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(written)), (string)line["documentSha256"]!);
    }

    // Signs through a file and a readable, seekable output after a prefix, as the atomic writer gives it.
    private byte[] SignFile(IMetadataSigner signer, byte[] unsigned)
    {
        var input = _directory.Combine($"in-{Guid.NewGuid():N}.xml");
        File.WriteAllBytes(input, unsigned);
        using var output = new MemoryStream();
        output.Write("prefix"u8);
        signer.SignFile(new FileSigningRequest("feed", input, 0, null), output);
        Assert.Equal(output.Length, output.Position);
        return output.ToArray()[6..];
    }

    private EnvelopedMetadataSigner Signer() => new(_key, _certificate, SignatureMethod.Default);

    /// <summary>Changes one signed character in the written output, as a fault between signing and publishing would.</summary>
    private sealed class CorruptingFileSigner(IMetadataSigner inner) : IMetadataSigner
    {
        public byte[] Sign(SigningRequest request) => throw new InvalidOperationException("only file signing is exercised");

        public void SignFile(FileSigningRequest request, Stream output)
        {
            var start = output.Position;
            inner.SignFile(request, output);
            var end = output.Position;
            var written = new byte[end - start];
            output.Position = start;
            output.ReadExactly(written);
            var corrupted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(written).Replace("Example University", "Exampel University", StringComparison.Ordinal));
            output.Position = start;
            output.Write(corrupted);
        }
    }
}
