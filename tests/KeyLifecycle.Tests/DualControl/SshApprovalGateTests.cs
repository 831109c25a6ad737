using Fedmd.KeyLifecycle.Audit;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.Signer.Audit;
using Fedmd.Tests.KeyLifecycle.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.KeyLifecycle.DualControl;

/// <summary>
/// Dual control judged by ssh-keygen: two distinct operators listed in allowed_signers approve a change, and nothing
/// else counts: one operator twice, an unlisted key, an approval of another change, an expired approval, an edited
/// approval.
/// </summary>
public sealed class SshApprovalGateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ChangeId Change = ChangeId.For("saml-activate", "https://hub.example.org/idp", "SHA256:AB");
    private static readonly ChangeId Other = ChangeId.For("saml-activate", "https://hub.example.org/idp", "SHA256:CD");

    private readonly TemporaryDirectory _directory = new();
    private readonly Operators _operators;
    private readonly ApprovalStore _store;
    private readonly AuditLog _audit;
    private readonly MovableClock _clock = new(Now);

    public SshApprovalGateTests()
    {
        _operators = new Operators(_directory.Combine("operators"), "alice", "bob");
        _store = new ApprovalStore(_directory.Combine("approvals"));
        _audit = new AuditLog(_directory.Combine("audit.jsonl"));
    }

    private IKeyEventLog Events => new AuditKeyEventLog(_audit, _clock, "test-host", "test-user");

    private SshApprovalGate Gate() => new(_store, new SshKeygen(), _operators.AllowedSigners, Events, _clock);

    private void Approve(ChangeId change, string principal, string? key = null, TimeSpan? lifetime = null) =>
        new Approver(_store, new SshKeygen(), Events, _clock).Approve(change, principal, key ?? _operators.KeyOf(principal), lifetime ?? TimeSpan.FromHours(24));

    [Fact]
    public void Two_distinct_operators_grant_the_change_and_the_use_is_audited()
    {
        Approve(Change, "alice");
        Approve(Change, "bob");

        var decision = Gate().Check(Change);

        Assert.True(decision.Granted, string.Join('\n', decision.Problems));
        Assert.Equal(["alice", "bob"], decision.Principals);
        Assert.Empty(_audit.Verify());
        var lines = File.ReadAllLines(_audit.Path);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"operation\":\"approval\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"principals\":[\"alice\"]", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"operation\":\"approval-used\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"principals\":[\"alice\",\"bob\"]", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void One_operator_approving_twice_counts_once()
    {
        Approve(Change, "alice");
        Approve(Change, "alice");

        var decision = Gate().Check(Change);

        Assert.False(decision.Granted);
        Assert.Equal(["alice"], decision.Principals);
        Assert.Contains(decision.Problems, p => p.Contains("needs approvals from 2 distinct operators and has 1 (alice)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_not_in_allowed_signers_is_refused_even_under_a_listed_name()
    {
        Approve(Change, "alice");
        Approve(Change, "bob", key: _operators.Outsider("bob"));

        var decision = Gate().Check(Change);

        Assert.False(decision.Granted);
        Assert.Equal(["alice"], decision.Principals);
        Assert.Contains(decision.Problems, p => p.Contains("(by bob) has a signature that does not verify", StringComparison.Ordinal));
    }

    [Fact]
    public void An_approval_of_another_change_does_not_count_even_renamed()
    {
        Approve(Change, "alice");
        Approve(Other, "bob");
        var bobs = _store.All().Single(a => ApprovalStore.IsNamedFor(a.DocumentPath, Other));
        var renamed = bobs.DocumentPath.Replace(Other.Value, Change.Value, StringComparison.Ordinal);
        File.Move(bobs.DocumentPath, renamed);
        File.Move(bobs.SignaturePath, renamed + ".sig");

        var decision = Gate().Check(Change);

        Assert.False(decision.Granted);
        Assert.Equal(["alice"], decision.Principals);
        Assert.Contains(decision.Problems, p => p.Contains($"approves another change, {Other}", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expired_approval_does_not_count()
    {
        Approve(Change, "alice");
        _clock.Advance(TimeSpan.FromHours(-25));
        Approve(Change, "bob");
        _clock.Now = Now;

        var decision = Gate().Check(Change);

        Assert.False(decision.Granted);
        Assert.Equal(["alice"], decision.Principals);
        Assert.Contains(decision.Problems, p => p.Contains("(by bob) expired at", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edited_approval_does_not_verify()
    {
        Approve(Change, "alice");
        Approve(Change, "bob", lifetime: TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromMinutes(10));
        // Bob's approval has lapsed; extending it by hand breaks its signature.
        var bobs = _store.All().Single(a => a.DocumentPath.Contains(".bob.", StringComparison.Ordinal));
        var text = File.ReadAllText(bobs.DocumentPath);
        var expires = text.Split('\n').Single(l => l.StartsWith("expires-at: ", StringComparison.Ordinal));
        File.WriteAllText(bobs.DocumentPath, text.Replace(expires, "expires-at: 2099-01-01T00:00:00Z", StringComparison.Ordinal));

        var decision = Gate().Check(Change);

        Assert.False(decision.Granted);
        Assert.Contains(decision.Problems, p => p.Contains("(by bob) has a signature that does not verify", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();
}
