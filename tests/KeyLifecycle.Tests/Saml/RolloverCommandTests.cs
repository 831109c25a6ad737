using System.Text.Json;
using Fedmd.Tests.KeyLifecycle.Support;

namespace Fedmd.Tests.KeyLifecycle.Saml;

/// <summary>
/// The commands as operators and other tools call them, each in its own process on the real clock: exit codes,
/// what each prints, and <c>--json</c>.
/// </summary>
public sealed class RolloverCommandTests : IDisposable
{
    private readonly RolloverWorkspace _workspace = new();

    [Fact]
    public void Activate_right_after_the_first_publication_is_refused_with_the_earliest_time()
    {
        var plan = _workspace.Fedmd("rollover", "saml", "plan", "--entity", RolloverWorkspace.Hub);
        Assert.True(plan.ExitCode == 0, plan.Output);
        Assert.Contains("new key: pkcs11:token=" + _workspace.Token.Label, plan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("next: fedmd rollover saml stage --entity " + RolloverWorkspace.Hub, plan.StandardOutput, StringComparison.Ordinal);

        var stage = _workspace.Fedmd("rollover", "saml", "stage", "--entity", RolloverWorkspace.Hub);
        Assert.True(stage.ExitCode == 0, stage.Output);
        var pass = _workspace.Fedmd("run", "--once");
        Assert.True(pass.ExitCode == 0, pass.Output);

        var activate = _workspace.Fedmd("rollover", "saml", "activate", "--entity", RolloverWorkspace.Hub, "--json");
        Assert.True(activate.ExitCode == 1, activate.Output);
        using var report = JsonDocument.Parse(activate.StandardOutput);
        Assert.False(report.RootElement.GetProperty("done").GetBoolean());
        var earliest = report.RootElement.GetProperty("nextAllowedAt").GetDateTimeOffset();
        var publishedAt = report.RootElement.GetProperty("state").GetProperty("stagedAt").GetDateTimeOffset();
        Assert.InRange(earliest - publishedAt, TimeSpan.FromHours(48) - TimeSpan.FromMinutes(5), TimeSpan.FromHours(48) + TimeSpan.FromMinutes(5));
        Assert.Contains($"allowed from {earliest:u}", report.RootElement.GetProperty("did")[0].GetString(), StringComparison.Ordinal);

        var status = _workspace.Fedmd("rollover", "saml", "status", "--entity", RolloverWorkspace.Hub);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("(phase: staged)", status.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"(from {earliest:u})", status.StandardOutput, StringComparison.Ordinal);

        var audit = _workspace.Fedmd("audit", "verify");
        Assert.True(audit.ExitCode == 0, audit.Output);
    }

    [Fact]
    public void An_operator_approves_with_their_own_key_and_a_step_out_of_order_is_refused()
    {
        var retire = _workspace.Fedmd("rollover", "saml", "retire", "--entity", RolloverWorkspace.Hub);
        Assert.True(retire.ExitCode == 1, retire.Output);
        Assert.Contains("no rollover of " + RolloverWorkspace.Hub + " is planned", retire.StandardOutput, StringComparison.Ordinal);

        var approve = _workspace.Fedmd("approve", "saml-activate-0123456789ab", "--key", _workspace.Operators.KeyOf("alice"), "--principal", "alice");
        Assert.True(approve.ExitCode == 0, approve.Output);
        Assert.Contains("approved saml-activate-0123456789ab as alice", approve.StandardOutput, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_workspace.Combine("state", "approvals"), "*.approval.sig"));

        var badId = _workspace.Fedmd("approve", "activate-everything", "--key", _workspace.Operators.KeyOf("alice"));
        Assert.Equal(2, badId.ExitCode);
        Assert.Contains("is not a change id", badId.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Dual_control_cannot_be_switched_off_outside_development()
    {
        using var unsafeWorkspace = new RolloverWorkspace(c => c["Rollover"]!["DualControl"] = false);

        var status = unsafeWorkspace.Fedmd("rollover", "saml", "status", "--entity", RolloverWorkspace.Hub);

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("configuration Rollover:DualControl: may be false only in the development profile", status.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
