using Fedmd.Pass.State;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>A pass keeps of its baseline what it compares, the feeds, and not the previous entities' findings.</summary>
public sealed class PassBaselineTests
{
    [Fact]
    public void The_baseline_keeps_every_feed_entry_and_drops_the_previous_entities_findings()
    {
        var report = ReportFilesTests.SampleReport();
        using var state = new TemporaryDirectory();
        IBaselineStore store = new FileStateStore(state.Path, null, "signing-audit.jsonl");
        store.Write(report);

        var baseline = PassBaseline.Read(store, state.Combine("no-web-root"));

        Assert.NotNull(baseline);
        Assert.Empty(baseline.Entities);
        Assert.Equal(report.Generated, baseline.Generated);
        Assert.Equal(report.Feeds.Select(f => (f.FileName, f.EntityCount)), baseline.Feeds.Select(f => (f.FileName, f.EntityCount)));
        Assert.Equal(report.Feeds.SelectMany(f => f.Entries), baseline.Feeds.SelectMany(f => f.Entries));
    }
}
