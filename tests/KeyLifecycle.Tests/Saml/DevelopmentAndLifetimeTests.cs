using Fedmd.Cli.Composition;
using Fedmd.KeyLifecycle.Saml;
using Fedmd.Tests.KeyLifecycle.Support;

namespace Fedmd.Tests.KeyLifecycle.Saml;

/// <summary>
/// What the development profile may skip (approvals) and what it may not (the overlap), and the lifetime guard over
/// the operated entities' SAML certificates.
/// </summary>
public sealed class DevelopmentAndLifetimeTests
{
    [Fact]
    public void Without_dual_control_in_development_activate_needs_no_approval_but_still_the_overlap()
    {
        using var workspace = new RolloverWorkspace(c =>
        {
            c["Profile"] = "development";
            c["Rollover"]!["DualControl"] = false;
        });
        var clock = new MovableClock(DateTimeOffset.UtcNow.AddDays(-3));
        var rollover = KeyLifecycleComponents.SamlRollover(workspace.Options(), clock);
        Assert.True(rollover.Plan(RolloverWorkspace.Hub, workspace.TokenKeys(clock)).Done);
        Assert.True(rollover.Stage(RolloverWorkspace.Hub).Done);
        workspace.RunPass(clock);

        clock.Advance(TimeSpan.FromHours(47));
        workspace.RunPass(clock);
        Assert.False(rollover.Activate(RolloverWorkspace.Hub).Done);

        clock.Advance(TimeSpan.FromHours(2));
        var activated = rollover.Activate(RolloverWorkspace.Hub);
        Assert.True(activated.Done, string.Join('\n', activated.Did));
        Assert.Contains("approved by: nobody (dual control is off)", activated.Did, StringComparer.Ordinal);
    }

    [Fact]
    public void An_operated_entity_whose_certificate_nears_expiry_is_named()
    {
        using var workspace = new RolloverWorkspace(c => c["Rollover"]!["OperatedEntities"] = new System.Text.Json.Nodes.JsonArray(RolloverWorkspace.Hub));
        var options = workspace.Options();
        using var hubCertificate = EntityRegistryFile.Find(options.Registry.EntitiesDirectory, RolloverWorkspace.Hub, options.Registry.MaxEntityBytes)
            .Certificate(EntityRegistryFile.Find(options.Registry.EntitiesDirectory, RolloverWorkspace.Hub, options.Registry.MaxEntityBytes).SigningCertificates()[0])!;
        var expiry = new DateTimeOffset(hubCertificate.NotAfter.ToUniversalTime());

        Assert.Empty(KeyLifecycleComponents.LifetimeWarnings(options, new MovableClock(expiry.AddDays(-91))));
        var warning = Assert.Single(KeyLifecycleComponents.LifetimeWarnings(options, new MovableClock(expiry.AddDays(-30))));
        Assert.Contains($"of operated entity {RolloverWorkspace.Hub} expires at {expiry:u}", warning, StringComparison.Ordinal);
        Assert.Contains("fedmd rollover saml plan --entity " + RolloverWorkspace.Hub, warning, StringComparison.Ordinal);
    }
}
