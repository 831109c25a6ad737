using System.Globalization;
using System.Text.Json.Nodes;

namespace Fedmd.Tests.KeyLifecycle.Metadata;

/// <summary>The steps a metadata rollover refuses, each with the time or the approvals it is waiting for, and nothing changed.</summary>
public sealed class MetadataRolloverRefusalTests
{
    [Fact]
    public void A_switch_before_the_announced_date_is_refused_with_the_earliest_time_and_changes_nothing()
    {
        using var workspace = new MetadataRolloverWorkspace();
        var switchAt = new DateTimeOffset(2031, 5, 4, 10, 0, 0, TimeSpan.Zero);
        var announced = workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", "2031-05-04T12:00:00+02:00", "--certificate", workspace.NextCertificateFile);
        Assert.True(announced.ExitCode == 0, announced.Output);
        var before = File.ReadAllText(workspace.StateFile);

        var result = workspace.Fedmd("rollover", "metadata", "switch");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("run it again at or after 2031-05-04T10:00:00Z", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(workspace.StateFile));
        var status = JsonNode.Parse(workspace.Fedmd("rollover", "metadata", "status", "--json").StandardOutput)!;
        Assert.Equal("announced", status["phase"]!.GetValue<string>());
        Assert.Equal("switch", status["nextStep"]!["step"]!.GetValue<string>());
        Assert.Equal(switchAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), status["nextStep"]!["earliest"]!.GetValue<string>());
    }

    [Fact]
    public void A_switch_date_in_the_past_and_a_certificate_of_no_key_on_the_token_are_refused_as_usage_errors()
    {
        using var workspace = new MetadataRolloverWorkspace();
        var (stranger, strangerCertificate) = Fedmd.TestSupport.TestCertificates.CreateRsa("a key on no token");
        stranger.Dispose();
        var strangerFile = Fedmd.TestSupport.TestCertificates.WritePem(strangerCertificate, workspace.Combine("stranger.crt"));

        var past = workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", "2020-01-01T00:00:00Z", "--certificate", workspace.NextCertificateFile);
        var unknown = workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", "2031-01-01T00:00:00Z", "--certificate", strangerFile);

        Assert.Equal(2, past.ExitCode);
        Assert.Contains("--switch-at 2020-01-01T00:00:00Z is not in the future", past.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains($"holds the public key of --certificate {strangerFile}; load the key on the token first, or name it with --key-uri", unknown.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.StateFile));
    }

    [Fact]
    public void Under_dual_control_without_approvals_switch_and_compromise_are_refused_with_the_change_to_approve()
    {
        using var workspace = new MetadataRolloverWorkspace(dualControl: true);
        Assert.Equal(0, workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", "2031-01-01T00:00:00Z", "--certificate", workspace.NextCertificateFile).ExitCode);
        var before = File.ReadAllText(workspace.StateFile);

        var compromise = workspace.Fedmd("compromise", "metadata");

        Assert.Equal(1, compromise.ExitCode);
        Assert.Matches("change metadata-compromise-[0-9a-f]{12} needs approvals from two operators: run `fedmd approve metadata-compromise-[0-9a-f]{12}` as two operators", compromise.StandardError);
        Assert.Equal(before, File.ReadAllText(workspace.StateFile));
        Assert.False(File.Exists(workspace.Published("federation-metadata.xml")), "a refused compromise publishes nothing");
        Assert.Contains("\"operation\":\"approval-missing\"", File.ReadAllText(workspace.AuditLogFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_switch_needs_two_distinct_operators_and_one_operator_approving_twice_counts_once()
    {
        using var workspace = new MetadataRolloverWorkspace(dualControl: true);
        var switchAt = DateTimeOffset.UtcNow.AddSeconds(3);
        Assert.Equal(0, workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", switchAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), "--certificate", workspace.NextCertificateFile).ExitCode);
        while (DateTimeOffset.UtcNow < switchAt.AddSeconds(1))
        {
            Thread.Sleep(200);
        }

        var unapproved = workspace.Fedmd("rollover", "metadata", "switch");
        Assert.Equal(1, unapproved.ExitCode);
        var change = System.Text.RegularExpressions.Regex.Match(unapproved.StandardError, "metadata-switch-[0-9a-f]{12}").Value;
        Assert.NotEmpty(change);
        Approve(workspace, change, "alice");
        Approve(workspace, change, "alice");
        var once = workspace.Fedmd("rollover", "metadata", "switch");
        Assert.True(once.ExitCode == 1, once.Output);
        Assert.Equal("announced", Phase(workspace));

        Approve(workspace, change, "bob");
        var switched = workspace.Fedmd("rollover", "metadata", "switch");

        Assert.True(switched.ExitCode == 0, switched.Output);
        Assert.Equal("switched", Phase(workspace));
        var used = File.ReadAllLines(workspace.AuditLogFile)
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!["keyEvent"])
            .Single(keyEvent => keyEvent?["operation"]?.GetValue<string>() == "approval-used");
        Assert.Equal(["alice", "bob"], used!["principals"]!.AsArray().Select(p => p!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private static string? Phase(MetadataRolloverWorkspace workspace) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(workspace.StateFile))!["phase"]!.GetValue<string>();

    private static void Approve(MetadataRolloverWorkspace workspace, string change, string principal)
    {
        var approved = workspace.Fedmd("approve", change, "--key", workspace.Operators.KeyOf(principal), "--principal", principal);
        Assert.True(approved.ExitCode == 0, approved.Output);
    }

    [Fact]
    public void Dual_control_switched_off_outside_the_development_profile_is_refused_by_key()
    {
        using var workspace = new MetadataRolloverWorkspace();
        var configuration = JsonNode.Parse(File.ReadAllText(workspace.ConfigFile))!;
        configuration["Profile"] = "production";
        File.WriteAllText(workspace.ConfigFile, configuration.ToJsonString());

        var result = workspace.Fedmd("rollover", "metadata", "status");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Rollover:DualControl: may be false only in the development profile", result.StandardError, StringComparison.Ordinal);
    }
}
