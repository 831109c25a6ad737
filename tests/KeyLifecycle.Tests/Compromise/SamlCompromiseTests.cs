using Fedmd.Cli.Composition;
using Fedmd.KeyLifecycle.Compromise;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.Metadata.Values;
using Fedmd.Tests.KeyLifecycle.Support;

namespace Fedmd.Tests.KeyLifecycle.Compromise;

/// <summary>
/// A compromised SAML certificate leaves the very next publication, under dual control, and the contacts to notify
/// are written from the registry's technical and REFEDS security contacts.
/// </summary>
public sealed class SamlCompromiseTests : IDisposable
{
    private readonly RolloverWorkspace _workspace = new();
    private readonly MovableClock _clock = new(DateTimeOffset.UtcNow.AddMinutes(-10));

    [Fact]
    public void The_certificate_is_gone_from_the_very_next_publication()
    {
        var options = _workspace.Options();
        _workspace.RunPass(_clock);
        var compromised = Assert.Single(_workspace.PublishedHubCertificates());
        var events = KeyLifecycleComponents.Events(options, _clock);
        var contacts = _workspace.Combine("state", ContactsToNotify.FileName);
        var compromise = new SamlCompromise(options.Registry.EntitiesDirectory, options.Registry.MaxEntityBytes,
            KeyLifecycleComponents.Gate(options, events, _clock), events, new WorkspacePass(_workspace, _clock), contacts);
        var fingerprint = CertificateFingerprint.Parse(compromised);

        var alone = compromise.Respond(RolloverWorkspace.Hub, fingerprint);
        Assert.False(alone.Done);
        var approver = new Approver(KeyLifecycleComponents.Approvals(options), new SshKeygen(), events, _clock);
        approver.Approve(ChangeId.TryParse(alone.ChangeId)!.Value, "alice", _workspace.Operators.KeyOf("alice"), TimeSpan.FromHours(1));
        var oneOperator = compromise.Respond(RolloverWorkspace.Hub, fingerprint);
        Assert.False(oneOperator.Done);
        Assert.Contains(compromised, _workspace.PublishedHubCertificates());

        approver.Approve(SamlCompromise.Change(RolloverWorkspace.Hub, fingerprint), "bob", _workspace.Operators.KeyOf("bob"), TimeSpan.FromHours(1));
        var done = compromise.Respond(RolloverWorkspace.Hub, fingerprint);

        Assert.True(done.Done, string.Join('\n', done.Did));
        Assert.DoesNotContain(compromised, _workspace.PublishedHubCertificates());
        Assert.DoesNotContain(compromised, _workspace.RegistryHubCertificates());
        _workspace.AssertPublishedFeedVerifies();
        var rows = File.ReadAllLines(contacts);
        Assert.Equal("entityID,contactType,email", rows[0]);
        Assert.Contains($"{RolloverWorkspace.Hub},technical,hub-ops@fedmd.example.ac.za", rows);
        Assert.Contains($"{RolloverWorkspace.Hub},security,security@fedmd.example.ac.za", rows);
        Assert.DoesNotContain(rows, r => r.Contains("support@", StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_the_entity_does_not_hold_is_refused()
    {
        var options = _workspace.Options();
        var events = KeyLifecycleComponents.Events(options, _clock);
        var compromise = new SamlCompromise(options.Registry.EntitiesDirectory, options.Registry.MaxEntityBytes,
            KeyLifecycleComponents.Gate(options, events, _clock), events, new WorkspacePass(_workspace, _clock), _workspace.Combine("contacts.csv"));

        var report = compromise.Respond(RolloverWorkspace.Hub, CertificateFingerprint.Parse("SHA256:" + new string('A', 64)));

        Assert.False(report.Done);
        Assert.Contains("holds no KeyDescriptor with certificate", report.Did[0], StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();

    private sealed class WorkspacePass(RolloverWorkspace workspace, TimeProvider clock) : IImmediatePass
    {
        public IReadOnlyList<string> Run()
        {
            var outcome = workspace.RunPass(clock);
            return [$"published {outcome.Feeds.Count} feeds"];
        }
    }
}
