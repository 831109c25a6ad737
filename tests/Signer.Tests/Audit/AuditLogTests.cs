using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fedmd.Signer.Audit;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Time;

namespace Fedmd.Tests.Signer.Audit;

public sealed class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly System.Text.Json.JsonSerializerOptions Reflection = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Every_signing_appends_a_line_with_what_was_signed_by_whom()
    {
        var log = new AuditLog(_directory.Combine("audit.jsonl"));
        var signer = Auditing(log);
        var validUntil = Now.AddDays(10);

        var signed = signer.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), validUntil));

        var line = JsonNode.Parse(Assert.Single(File.ReadAllLines(log.Path)))!;
        Assert.Equal(1, (long)line["seq"]!);
        Assert.Equal("test-feed", (string)line["feed"]!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(signed)), (string)line["documentSha256"]!);
        Assert.Equal("pkcs11:token=t;object=k", (string)line["keyUri"]!);
        Assert.Equal("SHA256:AB", (string)line["certificateSha256"]!);
        Assert.Equal(2, (int)line["entityCount"]!);
        Assert.Equal(validUntil, (DateTimeOffset)line["validUntil"]!);
        Assert.Equal("signer-host", (string)line["host"]!);
        Assert.Equal("fedmd", (string)line["user"]!);
        Assert.Equal(AuditLine.Genesis, (string)line["previous"]!);
        Assert.Empty(log.Verify());
    }

    [Fact]
    public void A_line_is_the_text_reflection_serialisation_wrote_before_the_contract_was_generated()
    {
        var signing = new AuditEntry(3, Now, "feed", new string('a', 64), "pkcs11:token=t;object=k", "SHA256:AB", 7, Now.AddDays(5), "host", "user", AuditLine.Genesis);
        var keyEvent = AuditEntry.ForKeyEvent(4, Now, new AuditKeyEvent("rollover-saml-stage", "federation-metadata", ["alice", "bob"], "\u00e9 & <detail>"), "host", "user", AuditLine.Genesis);

        foreach (var entry in new[] { signing, keyEvent })
        {
            var reflected = System.Text.Json.JsonSerializer.Serialize(entry, Reflection);
            var (text, hash) = AuditLine.Format(entry);

            Assert.Equal(reflected[..^1] + $",\"hash\":\"{hash}\"}}", text);
            Assert.Equal(entry, AuditLine.Parse(text).Entry! with { KeyEvent = entry.KeyEvent });
        }
    }

    [Fact]
    public void An_intact_chain_verifies()
    {
        var log = LogWithEntries(4);

        Assert.Empty(log.Verify());
    }

    [Theory]
    [InlineData(0, "\"entityCount\":2", "\"entityCount\":3")]
    [InlineData(1, "\"entityCount\":2", "\"entityCount\":3")]
    [InlineData(2, "test-feed", "other-feed")]
    public void An_edited_line_is_found_wherever_it_stands(int index, string original, string edited)
    {
        var log = LogWithEntries(3);
        var lines = File.ReadAllLines(log.Path);
        lines[index] = lines[index].Replace(original, edited, StringComparison.Ordinal);
        File.WriteAllLines(log.Path, lines);

        Assert.Contains($"line {index + 1} was edited", Assert.Single(log.Verify()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_line_is_found()
    {
        var log = LogWithEntries(3);
        var lines = File.ReadAllLines(log.Path).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(log.Path, lines);

        Assert.Contains(log.Verify(), p => p.Contains("line 2 (sequence 3) does not follow", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_removed_from_the_end_are_found()
    {
        var log = LogWithEntries(3);
        File.WriteAllLines(log.Path, File.ReadAllLines(log.Path).Take(2));

        Assert.Contains("ends at line 2", Assert.Single(log.Verify()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_head_record_is_found()
    {
        var log = LogWithEntries(2);
        File.Delete(log.HeadPath);

        Assert.Contains("is missing", Assert.Single(log.Verify()), StringComparison.Ordinal);
    }

    [Fact]
    public void Reordered_lines_are_found()
    {
        var log = LogWithEntries(3);
        var lines = File.ReadAllLines(log.Path);
        (lines[1], lines[2]) = (lines[2], lines[1]);
        File.WriteAllLines(log.Path, lines);

        var problems = log.Verify();

        Assert.Equal(2, problems.Count(p => p.Contains("does not follow", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.Contains("records", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_signing_is_not_recorded()
    {
        var log = new AuditLog(_directory.Combine("failed.jsonl"));
        var signer = new AuditingSigner(new FailingSigner(), log, Identity(), new FixedClock(Now));

        Assert.Throws<InvalidOperationException>(() => signer.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate())));

        Assert.False(File.Exists(log.Path));
    }

    [Fact]
    public void Every_append_hands_its_head_to_the_sink_in_sequence_order()
    {
        var sink = new RecordingHeadSink();
        var log = new AuditLog(_directory.Combine("sunk.jsonl"), sink);
        Assert.Equal((0L, AuditLine.Genesis), log.LastLine());
        var signer = Auditing(log);

        for (var i = 0; i < 3; i++)
        {
            signer.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), Now.AddDays(10)));
        }

        Assert.Equal([1L, 2L, 3L], sink.Heads.Select(h => h.Sequence));
        Assert.Equal(log.LastLine(), sink.Heads[^1]);
        Assert.Equal($"3 {sink.Heads[^1].Hash}", File.ReadAllText(log.HeadPath).Trim());
    }

    [Fact]
    public void A_signing_whose_head_the_sink_cannot_record_fails()
    {
        var log = new AuditLog(_directory.Combine("unsunk.jsonl"), new FailingHeadSink());
        var signer = Auditing(log);

        var failure = Assert.Throws<IOException>(() => signer.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), Now.AddDays(10))));

        Assert.Equal("database down", failure.Message);
    }

    [Fact]
    public void An_append_to_a_long_log_continues_its_chain()
    {
        var log = new AuditLog(_directory.Combine("long.jsonl"));
        var previous = AuditLine.Genesis;
        var text = new System.Text.StringBuilder();
        for (var sequence = 1; sequence <= 5000; sequence++)
        {
            var (line, hash) = AuditLine.Format(new AuditEntry(sequence, Now, "feed", new string('a', 64), "pkcs11:token=t;object=k", "SHA256:AB", 7, Now.AddDays(5), "host", "user", previous));
            text.Append(line).Append('\n');
            previous = hash;
        }

        File.WriteAllText(log.Path, text.ToString());

        Assert.Equal((5000L, previous), log.LastLine());
        var appended = log.Append((sequence, last) => new AuditEntry(sequence, Now, "feed", new string('b', 64), "pkcs11:token=t;object=k", "SHA256:AB", 7, Now.AddDays(5), "host", "user", last));
        Assert.Equal(5001, appended.Sequence);
        Assert.Equal(previous, appended.Previous);
        Assert.Empty(log.Verify());
    }

    [Fact]
    public void An_append_after_a_damaged_last_line_chains_to_the_last_intact_line_and_counts_every_line()
    {
        var log = LogWithEntries(3);
        var (_, intact) = log.LastLine();
        // Longer than the part of the file an append reads first, so the search for the last hash must read further.
        File.AppendAllText(log.Path, new string('x', 200_000) + "\n");

        Assert.Equal((4L, intact), log.LastLine());
        var appended = log.Append((sequence, last) => new AuditEntry(sequence, Now, "feed", new string('b', 64), "pkcs11:token=t;object=k", "SHA256:AB", 7, Now.AddDays(5), "host", "user", last));
        Assert.Equal(5, appended.Sequence);
        Assert.Equal(intact, appended.Previous);
        Assert.Contains(log.Verify(), problem => problem.Contains("line 4", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    private AuditLog LogWithEntries(int count)
    {
        var log = new AuditLog(_directory.Combine($"audit-{Guid.NewGuid():N}.jsonl"));
        var signer = Auditing(log);
        for (var i = 0; i < count; i++)
        {
            signer.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), Now.AddDays(10)));
        }

        return log;
    }

    private static AuditingSigner Auditing(AuditLog log) => new(new EchoSigner(), log, Identity(), new FixedClock(Now));

    private static SignerIdentity Identity() => new("pkcs11:token=t;object=k", "SHA256:AB", "signer-host", "fedmd");

    private sealed class EchoSigner : IMetadataSigner
    {
        public byte[] Sign(SigningRequest request) => request.Document.ToArray();
    }

    private sealed class RecordingHeadSink : IAuditHeadSink
    {
        public List<(long Sequence, string Hash)> Heads { get; } = [];

        public void Record(AuditEntry entry, string hash) => Heads.Add((entry.Sequence, hash));
    }

    private sealed class FailingHeadSink : IAuditHeadSink
    {
        public void Record(AuditEntry entry, string hash) => throw new IOException("database down");
    }

    private sealed class FailingSigner : IMetadataSigner
    {
        public byte[] Sign(SigningRequest request) => throw new InvalidOperationException("self-check failed");
    }
}
