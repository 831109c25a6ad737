using Fedmd.Aggregator.Guards;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Guards;

public class ExpiredSourceGuardTests
{
    [Fact]
    public void A_source_past_its_valid_until_is_refused_by_name()
    {
        var plan = GuardPlans.Plan([Summaries.Item("https://a.example.ac.za"), Summaries.Item("https://old.example.ac.za", validUntil: TestPipelines.Now.AddHours(-1))]);

        var refusal = new ExpiredSourceGuard().Refusal(plan, null, TestPipelines.Now);

        Assert.NotNull(refusal);
        Assert.Contains("https://old.example.ac.za.xml", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_valid_in_the_future_passes()
    {
        var plan = GuardPlans.Plan([Summaries.Item("https://a.example.ac.za", validUntil: TestPipelines.Now.AddDays(1))]);

        Assert.Null(new ExpiredSourceGuard().Refusal(plan, null, TestPipelines.Now));
    }
}
