using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Values;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Reporting;

public class ReportBuilderTests
{
    private static RunReport Report(IReadOnlyList<EntityItem> items, RunReport? previous)
    {
        var result = new PipelineResult(items);
        var plans = new FeedPlanner(
                [new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All)],
                new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za"))
            .Plan(result.Accepted, TestPipelines.Now);
        return ReportBuilder.Build("run", TestPipelines.Now, "/registry", result, plans, previous, []);
    }

    [Fact]
    public void Every_entity_has_its_status_and_findings()
    {
        var warned = Summaries.Item("https://w.example.ac.za");
        warned.AddWarning("text.name-whitespace", "padded");
        var rejected = new EntityItem("/registry/broken.xml", []);
        rejected.AddError("xml.well-formed", "the file is empty");

        var report = Report([Summaries.Item("https://a.example.ac.za"), warned, rejected], null);

        Assert.Equal(["accepted", "warned", "rejected"], report.Entities.Select(e => e.Status));
        Assert.Equal(new ReportTotals(3, 2, 1, 1), report.Totals);
        var finding = Assert.Single(report.Entities[2].Findings);
        Assert.Equal(("xml.well-formed", "error"), (finding.Rule, finding.Severity));
        Assert.Null(report.Entities[2].EntityId);
        Assert.Equal(2, report.Feeds[0].EntityCount);
        Assert.Null(report.Feeds[0].PreviousEntityCount);
        Assert.Empty(report.Feeds[0].Added);
    }

    [Fact]
    public void The_feed_difference_lists_added_removed_and_changed_entity_ids()
    {
        var previous = Report([Summaries.Item("https://kept.example.ac.za"), Summaries.Item("https://gone.example.ac.za"), Summaries.Item("https://edited.example.ac.za")], null);

        var report = Report([Summaries.Item("https://kept.example.ac.za"), Summaries.Item("https://edited.example.ac.za", content: " v2"), Summaries.Item("https://new.example.ac.za")], previous);

        var feed = report.Feeds[0];
        Assert.Equal(3, feed.PreviousEntityCount);
        Assert.Equal(["https://new.example.ac.za"], feed.Added);
        Assert.Equal(["https://gone.example.ac.za"], feed.Removed);
        Assert.Equal(["https://edited.example.ac.za"], feed.Changed);
    }

    [Fact]
    public void A_baseline_larger_than_one_read_is_read_past_its_entities()
    {
        var items = Enumerable.Range(0, 3000).Select(i => Summaries.Item($"https://e{i}.example.ac.za")).ToList();
        var report = Report(items, null);
        using var directory = new Fedmd.TestSupport.TemporaryDirectory();
        File.WriteAllBytes(directory.Combine(ReportJson.FileName), ReportJson.ToBytes(report));
        Assert.True(new FileInfo(directory.Combine(ReportJson.FileName)).Length > 256 * 1024);

        var read = ReportJson.ReadPrevious(directory.Path)!;

        Assert.Empty(read.Entities);
        Assert.Equal(report.Feeds[0].Entries, read.Feeds[0].Entries);
    }

    [Fact]
    public void The_json_round_trips_and_the_text_names_every_rejected_file_and_rule()
    {
        var rejected = new EntityItem("/registry/http-endpoint.xml", []);
        rejected.AddError("endpoint.https", "Location must be https");
        var report = Report([Summaries.Item("https://a.example.ac.za"), rejected], null);
        using var directory = new Fedmd.TestSupport.TemporaryDirectory();
        File.WriteAllBytes(directory.Combine(ReportJson.FileName), ReportJson.ToBytes(report));

        var read = ReportJson.ReadPrevious(directory.Path)!;
        var text = ReportText.Render(report);

        Assert.Equal(report.Feeds[0].Entries, read.Feeds[0].Entries);
        Assert.Equal(report.Totals, read.Totals);
        // Read back as a baseline: the feeds are compared, the previous entities' findings never, so they are skipped.
        Assert.NotEmpty(report.Entities);
        Assert.Empty(read.Entities);
        Assert.Contains("\"schemaVersion\": 1", File.ReadAllText(directory.Combine(ReportJson.FileName)), StringComparison.Ordinal);
        Assert.Contains("/registry/http-endpoint.xml", text, StringComparison.Ordinal);
        Assert.Contains("error [endpoint.https] Location must be https", text, StringComparison.Ordinal);
    }
}
