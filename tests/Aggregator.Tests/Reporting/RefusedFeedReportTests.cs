using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Values;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Reporting;

public class RefusedFeedReportTests
{
    private static readonly FeedPlanner Planner = new(
        [new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All)],
        new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za"));

    private static RunReport Report(DateTimeOffset at, IReadOnlyList<EntityItem> items, RunReport? previous, bool refuse)
    {
        var result = new PipelineResult(items);
        var plans = Planner.Plan(result.Accepted, at);
        IReadOnlyList<FeedRefusal> refused = refuse ? [new FeedRefusal(plans[0], ["feed federation-metadata.xml would drop"])] : [];
        return ReportBuilder.Build("run", at, "/registry", result, plans, previous, refused);
    }

    [Fact]
    public void A_refused_feed_reports_its_previous_publication_stale_since_it_was_made_so_the_baseline_stays_the_old_one()
    {
        var first = TestPipelines.Now;
        var published = Report(first, [Summaries.Item("https://a.example.ac.za"), Summaries.Item("https://b.example.ac.za")], null, refuse: false);

        var refused = Report(first.AddHours(1), [Summaries.Item("https://a.example.ac.za")], published, refuse: true);
        var again = Report(first.AddHours(2), [], refused, refuse: true);

        Assert.Equal(first, published.Feeds[0].PublishedAt);
        Assert.Null(published.Feeds[0].Refusal);
        foreach (var report in new[] { refused, again })
        {
            var feed = report.Feeds[0];
            Assert.Equal("feed federation-metadata.xml would drop", feed.Refusal);
            Assert.Equal(first, feed.PublishedAt);
            Assert.Equal(2, feed.EntityCount);
            Assert.Equal(published.Feeds[0].Entries, feed.Entries);
            Assert.Equal(published.Feeds[0].ValidUntil, feed.ValidUntil);
            Assert.Empty(feed.Removed);
            Assert.Equal(["feed federation-metadata.xml would drop"], report.Refusals);
        }

        Assert.Contains($"STALE since {first:u}", ReportText.Render(again), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(ReportJson.ToBytes(again));
        Assert.Equal(first, json.RootElement.GetProperty("feeds")[0].GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Fact]
    public void A_feed_refused_before_its_first_publication_reports_no_entity_and_no_publication()
    {
        var report = Report(TestPipelines.Now, [Summaries.Item("https://a.example.ac.za")], null, refuse: true);

        var feed = report.Feeds[0];
        Assert.Equal((0, (DateTimeOffset?)null), (feed.EntityCount, feed.PublishedAt));
        Assert.Empty(feed.Entries);
        Assert.Contains("REFUSED and never published", ReportText.Render(report), StringComparison.Ordinal);
    }
}
