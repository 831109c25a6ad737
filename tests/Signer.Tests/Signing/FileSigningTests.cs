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

    [Fact]
    public void The_audit_records_the_digest_of_a_large_file_written_while_it_goes_to_disk()
    {
        // A file output goes to disk on another thread while the audit reads it back: the two must not share the
        // stream's state (taking the handle there once raced the read-back's buffer).
        var log = new AuditLog(_directory.Combine("audit-file.jsonl"));
        var verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [_certificate] });
        var signer = new AuditingSigner(new SelfCheckingSigner(Signer(), verifier), log, new SignerIdentity("pkcs11:token=t;object=k", "SHA256:AB", "host", "fedmd"), new FixedClock(Now));
        var entities = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<md:EntityDescriptor entityID=\"https://sp{i}.example.ac.za/sp\"><md:Extensions>{new string('x', 200)}</md:Extensions></md:EntityDescriptor>"));
        var input = Input(Encoding.UTF8.GetBytes($"<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" ID=\"_large\" validUntil=\"{DateTimeOffset.UtcNow.AddDays(5):yyyy-MM-ddTHH:mm:ssZ}\">{entities}</md:EntitiesDescriptor>"));

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var path = _directory.Combine($"signed-{attempt}.xml");
            using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                signer.SignFile(new FileSigningRequest("feed", input, null), output);
                Assert.Equal(output.Length, output.Position);
            }

            var line = JsonNode.Parse(File.ReadAllLines(log.Path)[attempt])!;
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), (string)line["documentSha256"]!);
        }
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("iso-8859-1")]
    public void The_audit_records_the_entities_the_signer_counted_in_the_file(string encoding)
    {
        var log = new AuditLog(_directory.Combine($"audit-{encoding}.jsonl"));
        var signer = new AuditingSigner(Signer(), log, new SignerIdentity("pkcs11:token=t;object=k", "SHA256:AB", "host", "fedmd"), new FixedClock(Now));
        var entities = string.Concat(Enumerable.Range(0, 3).Select(i =>
            $"<md:EntitiesDescriptor><md:EntityDescriptor entityID=\"https://e{i}.example.org\"/><md:EntityDescriptor entityID=\"https://f{i}.example.org\"/></md:EntitiesDescriptor>"));
        var xml = $"<?xml version=\"1.0\" encoding=\"{encoding}\"?><md:EntitiesDescriptor xmlns:md=\"{SamlNamespaces.Metadata}\" ID=\"_count\">{entities}<EntityDescriptor/></md:EntitiesDescriptor>";

        var counted = signer.SignFile(new FileSigningRequest("feed", Input(Encoding.GetEncoding(encoding).GetBytes(xml)), null), new MemoryStream());

        Assert.Equal(6, counted.EntityCount);
        Assert.Equal(6, (int)JsonNode.Parse(Assert.Single(File.ReadAllLines(log.Path)))!["entityCount"]!);
    }

    [Fact]
    public void An_entity_descriptor_root_counts_as_one_entity()
    {
        var xml = $"<md:EntityDescriptor xmlns:md=\"{SamlNamespaces.Metadata}\" ID=\"_one\" entityID=\"https://one.example.org\"><md:Extensions/></md:EntityDescriptor>";

        Assert.Equal(1, Signer().SignFile(new FileSigningRequest("feed", Input(Encoding.UTF8.GetBytes(xml)), null), new MemoryStream()).EntityCount);
    }

    [Fact]
    public void An_output_that_cannot_seek_gets_the_same_bytes_from_a_second_read()
    {
        var bytes = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());
        using var output = new MemoryStream();

        Signer().SignFile(new FileSigningRequest("feed", Input(bytes), null), new ForwardOnlyStream(output));

        Assert.Equal(Signer().Sign(new SigningRequest("feed", bytes, 0, null)), output.ToArray());
    }

    [Fact]
    public void A_signature_longer_than_its_placeholder_is_spliced_in_by_a_second_read()
    {
        var bytes = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());
        using var understated = new UnderstatedSizeRsa(_key);
        var signer = new EnvelopedMetadataSigner(understated, _certificate, SignatureMethod.Default);

        Assert.Equal(Signer().Sign(new SigningRequest("feed", bytes, 0, null)), SignFile(signer, bytes));
    }

    [Fact]
    public void A_document_that_leaves_the_fast_path_after_megabytes_keeps_nothing_of_the_copy_begun()
    {
        var filler = string.Concat(Enumerable.Repeat("<a>text &amp; more text</a>", 60_000));
        var bytes = Encoding.UTF8.GetBytes($"<root ID=\"_late\">{filler}<?late processing instruction?></root>");

        Assert.True(Signer().Sign(new SigningRequest("feed", bytes, 0, null)).AsSpan().SequenceEqual(SignFile(Signer(), bytes)));
    }

    [Fact]
    public void The_self_check_reading_behind_the_signer_in_a_file_accepts_a_good_signature()
    {
        var unsigned = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());

        var written = SignIntoFile(new SelfCheckingSigner(Signer(), Verifier()), unsigned);

        Assert.Equal(Signer().Sign(new SigningRequest("feed", unsigned, 0, null)), written);
    }

    [Fact]
    public void The_self_check_reading_behind_the_signer_refuses_content_changed_after_it_was_written()
    {
        var unsigned = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());

        var failure = Assert.Throws<FedmdException>(() => SignIntoFile(new SelfCheckingSigner(new CorruptingFileSigner(Signer()), Verifier()), unsigned));

        Assert.Contains("self-check failed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_self_check_reading_behind_the_signer_judges_the_signature_finally_written()
    {
        var unsigned = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());

        var failure = Assert.Throws<FedmdException>(() => SignIntoFile(new SelfCheckingSigner(new SignatureValueChangingSigner(Signer()), Verifier()), unsigned));

        Assert.Contains("does not verify", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_refused_after_the_file_was_written_stops_the_self_check_and_reports_the_refusal()
    {
        var failure = Assert.Throws<FedmdException>(() => SignIntoFile(new SelfCheckingSigner(Signer(), Verifier()), SampleMetadata.Sign(_key, _certificate)));

        Assert.Contains("already carries a ds:Signature", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_of_unforeseen_length_is_checked_in_order_after_the_file_is_rewritten()
    {
        var unsigned = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());
        using var understated = new UnderstatedSizeRsa(_key);

        var written = SignIntoFile(new SelfCheckingSigner(new EnvelopedMetadataSigner(understated, _certificate, SignatureMethod.Default), Verifier()), unsigned);

        Assert.Equal(Signer().Sign(new SigningRequest("feed", unsigned, 0, null)), written);
    }

    // Signs into a file opened as the atomic writer opens its temporary file, after a prefix.
    private byte[] SignIntoFile(IMetadataSigner signer, byte[] unsigned)
    {
        var path = _directory.Combine($"out-{Guid.NewGuid():N}.xml");
        using (var output = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 << 16 }))
        {
            output.Write("prefix"u8);
            signer.SignFile(new FileSigningRequest("feed", Input(unsigned), null), output);
            Assert.Equal(output.Length, output.Position);
        }

        return File.ReadAllBytes(path)[6..];
    }

    private StrictVerifier Verifier() => new(new VerificationOptions { PinnedCertificates = [_certificate] });

    // Signs through a file and a readable, seekable output after a prefix, as the atomic writer gives it.
    private byte[] SignFile(IMetadataSigner signer, byte[] unsigned)
    {
        using var output = new MemoryStream();
        output.Write("prefix"u8);
        signer.SignFile(new FileSigningRequest("feed", Input(unsigned), null), output);
        Assert.Equal(output.Length, output.Position);
        return output.ToArray()[6..];
    }

    private string Input(byte[] unsigned)
    {
        var input = _directory.Combine($"in-{Guid.NewGuid():N}.xml");
        File.WriteAllBytes(input, unsigned);
        return input;
    }

    private EnvelopedMetadataSigner Signer() => new(_key, _certificate, SignatureMethod.Default);

    /// <summary>Changes one signed character in the written output, as a fault between signing and publishing would.</summary>
    private sealed class CorruptingFileSigner(IMetadataSigner inner) : IMetadataSigner
    {
        public byte[] Sign(SigningRequest request) => throw new InvalidOperationException("only file signing is exercised");

        public SignedFile SignFile(FileSigningRequest request, Stream output)
        {
            var start = output.Position;
            var signed = inner.SignFile(request, output);
            var end = output.Position;
            var written = new byte[end - start];
            output.Position = start;
            output.ReadExactly(written);
            var corrupted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(written).Replace("Example University", "Exampel University", StringComparison.Ordinal));
            output.Position = start;
            output.Write(corrupted);
            return signed;
        }
    }

    /// <summary>
    /// Changes one character of the SignatureValue once the signer is done, where the self-check reads last (found in
    /// the same document signed in memory: the bytes are the same). The output may not be readable.
    /// </summary>
    private sealed class SignatureValueChangingSigner(IMetadataSigner inner) : IMetadataSigner
    {
        public byte[] Sign(SigningRequest request) => throw new InvalidOperationException("only file signing is exercised");

        public SignedFile SignFile(FileSigningRequest request, Stream output)
        {
            var same = inner.Sign(request.InMemory());
            var at = same.AsSpan().IndexOf("<SignatureValue>"u8) + "<SignatureValue>".Length;
            var start = output.Position;
            var signed = inner.SignFile(request, output);
            var end = output.Position;
            output.Position = start + at;
            output.WriteByte(same[at] == (byte)'A' ? (byte)'B' : (byte)'A');
            output.Position = end;
            return signed;
        }
    }

    /// <summary>An output that only takes bytes in order, like a pipe.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    /// <summary>A key that reports half its size, so its signatures are longer than the signer foresaw.</summary>
    private sealed class UnderstatedSizeRsa : RSA
    {
        private readonly RSA _inner;

        public UnderstatedSizeRsa(RSA inner)
        {
            _inner = inner;
            KeySizeValue = inner.KeySize / 2;
        }

        public override RSAParameters ExportParameters(bool includePrivateParameters) => _inner.ExportParameters(includePrivateParameters);

        public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) => _inner.SignHash(hash, hashAlgorithm, padding);

        public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) => _inner.VerifyHash(hash, signature, hashAlgorithm, padding);
    }
}
