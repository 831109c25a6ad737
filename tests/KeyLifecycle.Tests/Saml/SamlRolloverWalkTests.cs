using System.Security.Cryptography.X509Certificates;
using Fedmd.Cli.Composition;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.KeyLifecycle.Saml;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Audit;
using Fedmd.Signer.Pkcs11;
using Fedmd.Tests.KeyLifecycle.Support;
using Fedmd.TestSupport.SoftHsm;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Tests.KeyLifecycle.Saml;

/// <summary>
/// The whole SAML signing certificate rollover of the hub on SoftHSM2, with real passes on a clock the test moves:
/// plan → stage → pass → activate (refused too early, refused with one operator) → retire (refused too early) → pass.
/// At every publication the feed holds exactly the expected certificates, and xmlsec1 and fedmd verify accept it.
/// </summary>
public sealed class SamlRolloverWalkTests : IDisposable
{
    // Days in the past, so the feeds of the last pass are still valid for the judges reading the real clock.
    private static readonly DateTimeOffset Start = WholeSeconds(DateTimeOffset.UtcNow).AddDays(-6);

    private readonly RolloverWorkspace _workspace = new();
    private readonly MovableClock _clock = new(Start);

    [Fact]
    public void The_hub_rolls_its_SAML_certificate_from_plan_to_retire()
    {
        var options = _workspace.Options();
        var rollover = KeyLifecycleComponents.SamlRollover(options, _clock);
        var old = Assert.Single(_workspace.RegistryHubCertificates());
        _workspace.RunPass(_clock);
        Assert.Equal([old], _workspace.PublishedHubCertificates());

        var planned = rollover.Plan(RolloverWorkspace.Hub, _workspace.TokenKeys(_clock));
        Assert.True(planned.Done, string.Join('\n', planned.Did));
        var state = planned.State!;
        Assert.Equal(old, state.OldCertificate);
        using (var certificate = X509CertificateLoader.LoadCertificateFromFile(state.NewCertificateFile))
        {
            Assert.Equal(state.NewCertificate, CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256).ToString());
            Assert.Equal(3072, certificate.GetRSAPublicKey()!.KeySize);
            Assert.Equal(Start.AddDays(3650), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
            // Signed through the token by the new key itself: its own public key verifies it.
            using var chain = new X509Chain { ChainPolicy = { RevocationMode = X509RevocationMode.NoCheck, TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { certificate }, VerificationTime = Start.AddDays(1).UtcDateTime } };
            Assert.True(chain.Build(certificate), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        }

        AssertKeyIsSensitiveOnTheToken(state.NewKey);
        Assert.Equal([old], _workspace.RegistryHubCertificates());

        var staged = rollover.Stage(RolloverWorkspace.Hub);
        Assert.True(staged.Done, string.Join('\n', staged.Did));
        Assert.Equal(new HashSet<string> { old, state.NewCertificate }, _workspace.RegistryHubCertificates());

        var tooEarly = rollover.Activate(RolloverWorkspace.Hub);
        Assert.False(tooEarly.Done);
        Assert.Null(tooEarly.NextAllowedAt);
        Assert.Contains("run a pass", tooEarly.Did[0], StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(1));
        var stagedAt = _clock.Now;
        _workspace.RunPass(_clock);
        Assert.Equal(new HashSet<string> { old, state.NewCertificate }, _workspace.PublishedHubCertificates());
        _workspace.AssertPublishedFeedVerifies();

        _clock.Advance(TimeSpan.FromHours(24));
        _workspace.RunPass(_clock);
        var early = rollover.Activate(RolloverWorkspace.Hub);
        Assert.False(early.Done);
        // Overlap: max(2 × PT6H, PT48H) from the first publication carrying the new certificate.
        Assert.Equal(stagedAt.AddHours(48), early.NextAllowedAt);
        Assert.Contains($"allowed from {stagedAt.AddHours(48):u}", early.Did[0], StringComparison.Ordinal);
        Assert.Equal(RolloverPhase.Staged, rollover.Status(RolloverWorkspace.Hub).Phase);

        _clock.Advance(TimeSpan.FromHours(24));
        _workspace.RunPass(_clock);
        var unapproved = rollover.Activate(RolloverWorkspace.Hub);
        Assert.False(unapproved.Done);
        var change = ChangeId.TryParse(unapproved.ChangeId)!.Value;

        var approver = new Approver(KeyLifecycleComponents.Approvals(options), new SshKeygen(), KeyLifecycleComponents.Events(options, _clock), _clock);
        approver.Approve(change, "alice", _workspace.Operators.KeyOf("alice"), TimeSpan.FromHours(24));
        approver.Approve(change, "alice", _workspace.Operators.KeyOf("alice"), TimeSpan.FromHours(24));
        var oneOperator = rollover.Activate(RolloverWorkspace.Hub);
        Assert.False(oneOperator.Done);
        Assert.Contains(oneOperator.Did, l => l.Contains("has 1 (alice)", StringComparison.Ordinal));

        approver.Approve(change, "bob", _workspace.Operators.KeyOf("bob"), TimeSpan.FromHours(24));
        var activated = rollover.Activate(RolloverWorkspace.Hub);
        Assert.True(activated.Done, string.Join('\n', activated.Did));
        Assert.Contains(activated.Did, l => l.Contains(state.NewKey, StringComparison.Ordinal) && l.Contains("change the hub's configuration", StringComparison.Ordinal));
        Assert.Equal(new HashSet<string> { old, state.NewCertificate }, _workspace.RegistryHubCertificates());

        _clock.Advance(TimeSpan.FromHours(1));
        var retireEarly = rollover.Retire(RolloverWorkspace.Hub);
        Assert.False(retireEarly.Done);
        Assert.Equal(activated.State!.ActivatedAt!.Value.AddHours(48), retireEarly.NextAllowedAt);

        _clock.Advance(TimeSpan.FromHours(48));
        var retired = rollover.Retire(RolloverWorkspace.Hub);
        Assert.True(retired.Done, string.Join('\n', retired.Did));
        Assert.Equal([state.NewCertificate], _workspace.RegistryHubCertificates());
        _workspace.RunPass(_clock);
        Assert.Equal([state.NewCertificate], _workspace.PublishedHubCertificates());
        _workspace.AssertPublishedFeedVerifies();
        Assert.Equal(RolloverPhase.Retired, rollover.Status(RolloverWorkspace.Hub).Phase);

        var audit = new AuditLog(StateComponents.Open(options).AuditLogPath);
        Assert.Empty(audit.Verify());
        var lines = File.ReadAllLines(audit.Path);
        foreach (var operation in new[] { "rollover-saml-plan", "rollover-saml-stage", "approval", "approval-used", "rollover-saml-activate", "rollover-saml-retire" })
        {
            Assert.Contains(lines, l => l.Contains($"\"operation\":\"{operation}\"", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.Contains("\"operation\":\"rollover-saml-activate\"", StringComparison.Ordinal) && l.Contains("\"principals\":[\"alice\",\"bob\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void Staging_keeps_the_rest_of_the_registry_file_as_written()
    {
        var before = File.ReadAllText(_workspace.HubFile);
        var rollover = KeyLifecycleComponents.SamlRollover(_workspace.Options(), _clock);
        var planned = rollover.Plan(RolloverWorkspace.Hub, _workspace.TokenKeys(_clock));
        Assert.True(planned.Done);
        Assert.True(rollover.Stage(RolloverWorkspace.Hub).Done);

        using var certificate = X509CertificateLoader.LoadCertificateFromFile(planned.State!.NewCertificateFile);
        var firstLine = Convert.ToBase64String(certificate.RawData)[..64];
        var after = File.ReadAllText(_workspace.HubFile);
        // Removing the two added KeyDescriptors (each on lines of its own) gives back the file byte for byte.
        var added = System.Text.RegularExpressions.Regex.Matches(after, @"\n *<md:KeyDescriptor use=""signing"">.*?</md:KeyDescriptor>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Where(m => m.Value.Contains(firstLine, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, added.Count);
        Assert.Equal(before, added.Aggregate(after, (text, match) => text.Replace(match.Value, string.Empty, StringComparison.Ordinal)));

        // Removing the old certificate cuts its KeyDescriptors out the same way, their lines and nothing else.
        var old = CertificateFingerprint.Parse(planned.State!.OldCertificate);
        var file = EntityRegistryFile.Find(_workspace.RegistryDirectory, RolloverWorkspace.Hub, 5 * 1024 * 1024);
        var oldBlocks = System.Text.RegularExpressions.Regex.Matches(after, @"\n *<md:KeyDescriptor use=""signing"">.*?</md:KeyDescriptor>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Where(m => !m.Value.Contains(firstLine, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, oldBlocks.Count);
        Assert.Equal(2, file.RemoveCertificate(old));
        file.Save();
        Assert.Equal(oldBlocks.Aggregate(after, (text, match) => text.Replace(match.Value, string.Empty, StringComparison.Ordinal)), File.ReadAllText(_workspace.HubFile));
        Assert.Equal(new HashSet<string> { planned.State!.NewCertificate }, _workspace.RegistryHubCertificates());
    }

    private void AssertKeyIsSensitiveOnTheToken(string keyUri)
    {
        var uri = Pkcs11KeyUri.Parse(keyUri);
        Assert.Equal(_workspace.Token.Label, uri.TokenLabel);
        Assert.NotNull(uri.ObjectId);
        var slot = TestHsm.Module.FindSlotByTokenLabel(uri.TokenLabel)!;
        using var session = slot.OpenSession(SessionType.ReadOnly);
        try
        {
            session.Login(CKU.CKU_USER, TestToken.UserPinValue);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
        }

        var factory = TestHsm.Module.Factories.ObjectAttributeFactory;
        var key = Assert.Single(session.FindAllObjects([factory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), factory.Create(CKA.CKA_ID, uri.ObjectId!)]));
        var values = session.GetAttributeValue(key, [CKA.CKA_TOKEN, CKA.CKA_PRIVATE, CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, CKA.CKA_LABEL]);
        Assert.True(values[0].GetValueAsBool(), "CKA_TOKEN");
        Assert.True(values[1].GetValueAsBool(), "CKA_PRIVATE");
        Assert.True(values[2].GetValueAsBool(), "CKA_SENSITIVE");
        Assert.False(values[3].GetValueAsBool(), "CKA_EXTRACTABLE");
        Assert.Equal(uri.ObjectLabel, values[4].GetValueAsString());
    }

    public void Dispose() => _workspace.Dispose();

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) => new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
