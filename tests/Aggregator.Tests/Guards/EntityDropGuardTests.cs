using Fedmd.Aggregator.Guards;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Guards;

public class EntityDropGuardTests
{
    [Fact]
    public void A_drop_of_more_than_ten_percent_is_refused_with_both_counts()
    {
        var refusal = new EntityDropGuard(0.10, allowDrop: false).Refusal(GuardPlans.Plan(Summaries.Many(89)), GuardPlans.Previous(100), TestPipelines.Now);

        Assert.NotNull(refusal);
        Assert.Contains("from 100 to 89", refusal, StringComparison.Ordinal);
        Assert.Contains("--allow-drop", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_of_exactly_ten_percent_passes()
    {
        Assert.Null(new EntityDropGuard(0.10, allowDrop: false).Refusal(GuardPlans.Plan(Summaries.Many(90)), GuardPlans.Previous(100), TestPipelines.Now));
    }

    [Fact]
    public void Allow_drop_lets_a_large_drop_through()
    {
        Assert.Null(new EntityDropGuard(0.10, allowDrop: true).Refusal(GuardPlans.Plan(Summaries.Many(10)), GuardPlans.Previous(100), TestPipelines.Now));
    }

    [Fact]
    public void Without_a_previous_publication_there_is_nothing_to_compare()
    {
        Assert.Null(new EntityDropGuard(0.10, allowDrop: false).Refusal(GuardPlans.Plan(Summaries.Many(1)), null, TestPipelines.Now));
    }
}
