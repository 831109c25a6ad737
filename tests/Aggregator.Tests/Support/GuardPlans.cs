using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Values;

namespace Fedmd.Tests.Aggregator.Support;

/// <summary>One-feed plans for the guard tests.</summary>
public static class GuardPlans
{
    /// <summary>One feed of everything over the accepted items.</summary>
    public static FeedPlan Plan(IReadOnlyList<EntityItem> accepted) =>
        new FeedPlanner(
            [new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All)],
            new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za"))
            .Plan(accepted, TestPipelines.Now)[0];

    /// <summary>A previous publication of that feed with <paramref name="count"/> entities.</summary>
    public static FeedReport Previous(int count) =>
        new("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", TestPipelines.Now, count, null, [], [], [], []);
}
