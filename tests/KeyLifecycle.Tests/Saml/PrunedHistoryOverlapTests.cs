using Fedmd.Cli.Composition;
using Fedmd.Tests.KeyLifecycle.Support;

namespace Fedmd.Tests.KeyLifecycle.Saml;

/// <summary>
/// The history keeps <c>Publish:HistoryVersions</c> publications (48 by default: 47 hours of hourly passes), less than
/// the 48-hour overlap. The start of the overlap seen at one reading must survive the pruning of those versions, or
/// activation would never be allowed.
/// </summary>
public sealed class PrunedHistoryOverlapTests : IDisposable
{
    private readonly RolloverWorkspace _workspace = new(c => c["Publish"]!["HistoryVersions"] = 2);
    // Whole seconds, as the feeds' creationInstant is published.
    private readonly MovableClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddDays(-4));

    [Fact]
    public void The_overlap_counts_from_the_first_publication_even_after_it_was_pruned()
    {
        // Before the fix the overlap counted from the oldest version still kept, so with two versions 24 hours apart
        // activation was refused for ever.
        var rollover = KeyLifecycleComponents.SamlRollover(_workspace.Options(), _clock);
        Assert.True(rollover.Plan(RolloverWorkspace.Hub, _workspace.TokenKeys(_clock)).Done);
        Assert.True(rollover.Stage(RolloverWorkspace.Hub).Done);
        var first = _clock.Now;
        _workspace.RunPass(_clock);
        _clock.Advance(TimeSpan.FromHours(24));
        _workspace.RunPass(_clock);
        Assert.Equal(first.AddHours(48), rollover.Status(RolloverWorkspace.Hub).NextAllowedAt);

        _clock.Advance(TimeSpan.FromHours(25));
        _workspace.RunPass(_clock);
        var status = rollover.Status(RolloverWorkspace.Hub);

        Assert.Equal(first.AddHours(48), status.NextAllowedAt);
        Assert.Contains(status.Did, l => l.StartsWith($"published in every feed carrying the entity since: {first:u}", StringComparison.Ordinal));
        var activate = rollover.Activate(RolloverWorkspace.Hub);
        Assert.True(activate.Did[0].Contains("missing approvals", StringComparison.Ordinal), string.Join(" / ", activate.Did));
    }

    [Fact]
    public void A_publication_without_the_certificate_starts_the_count_again()
    {
        var rollover = KeyLifecycleComponents.SamlRollover(_workspace.Options(), _clock);
        Assert.True(rollover.Plan(RolloverWorkspace.Hub, _workspace.TokenKeys(_clock)).Done);
        var unstaged = File.ReadAllText(_workspace.HubFile);
        Assert.True(rollover.Stage(RolloverWorkspace.Hub).Done);
        var staged = File.ReadAllText(_workspace.HubFile);
        _workspace.RunPass(_clock);
        Assert.NotNull(rollover.Status(RolloverWorkspace.Hub).NextAllowedAt);

        _clock.Advance(TimeSpan.FromHours(1));
        File.WriteAllText(_workspace.HubFile, unstaged);
        _workspace.RunPass(_clock);
        Assert.Null(rollover.Status(RolloverWorkspace.Hub).NextAllowedAt);

        _clock.Advance(TimeSpan.FromHours(1));
        File.WriteAllText(_workspace.HubFile, staged);
        var again = _clock.Now;
        _workspace.RunPass(_clock);
        Assert.Equal(again.AddHours(48), rollover.Status(RolloverWorkspace.Hub).NextAllowedAt);
    }

    public void Dispose() => _workspace.Dispose();
}
