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
