using Fedmd.KeyLifecycle.Audit;
using Fedmd.Signer.Audit;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Time;

namespace Fedmd.Tests.KeyLifecycle.Audit;

/// <summary>Key events share the signings' hash chain: a signing line keeps its shape, and an edited key event breaks the chain.</summary>
public sealed class AuditKeyEventLogTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Key_events_join_the_chain_and_signing_lines_keep_their_shape()
    {
        var log = new AuditLog(_directory.Combine("audit.jsonl"));
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        log.Append((sequence, previous) => new AuditEntry(sequence, clock.GetUtcNow(), "federation-metadata", new string('a', 64), "pkcs11:token=t;object=k?module-path=/m.so", "SHA256:AB", 3, null, "host", "user", previous));
        new AuditKeyEventLog(log, clock, "host", "user").Record(new KeyEvent("rollover-saml-activate", "https://hub.example.org/idp", ["alice", "bob"], "change saml-activate-0123456789ab"));

        Assert.Empty(log.Verify());
        var lines = File.ReadAllLines(log.Path);
        Assert.DoesNotContain("keyEvent", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"keyEvent\":{\"operation\":\"rollover-saml-activate\",\"subject\":\"https://hub.example.org/idp\",\"principals\":[\"alice\",\"bob\"],\"detail\":\"change saml-activate-0123456789ab\"}", lines[1], StringComparison.Ordinal);

        File.WriteAllLines(log.Path, [lines[0], lines[1].Replace("\"alice\",", string.Empty, StringComparison.Ordinal)]);
        Assert.Contains(log.Verify(), p => p.Contains("line 2 was edited", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();
}
