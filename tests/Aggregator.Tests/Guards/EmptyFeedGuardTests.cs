using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Guards;

public class EmptyFeedGuardTests
{
    [Fact]
    public void An_empty_feed_is_refused_and_a_filled_one_passes()
    {
        var empty = GuardPlans.Plan([]);
        var filled = GuardPlans.Plan([Summaries.Item("https://a.example.ac.za")]);

        Assert.Contains("no accepted entity", new EmptyFeedGuard().Refusal(empty, null, TestPipelines.Now), StringComparison.Ordinal);
        Assert.Null(new EmptyFeedGuard().Refusal(filled, null, TestPipelines.Now));
    }
}

/// <summary>One-feed plans for the guard tests.</summary>
internal static class GuardPlans
{
    public static FeedPlan Plan(IReadOnlyList<Fedmd.Aggregator.Pipeline.EntityItem> accepted) =>
        new FeedPlanner(
            [new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All)],
            new AggregateShape(TimeSpan.FromDays(10), Fedmd.Metadata.Values.XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za"))
            .Plan(accepted, TestPipelines.Now)[0];

    public static Fedmd.Aggregator.Reporting.FeedReport Previous(int count) =>
        new("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", TestPipelines.Now, count, null, [], [], [], []);
}
