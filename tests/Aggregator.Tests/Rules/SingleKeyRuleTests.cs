using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class SingleKeyRuleTests
{
    [Fact]
    public void One_key_per_descriptor_passes()
    {
        Assert.Empty(Models.Findings(new SingleKeyRule(), Models.Entity()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Zero_or_two_keys_are_errors(int keys)
    {
        var model = Models.Entity([Models.IdpRole(keys: [new KeyDescriptorModel("signing", keys, [])])]);

        var finding = Assert.Single(Models.Findings(new SingleKeyRule(), model));

        Assert.Equal(SingleKeyRule.Id, finding.Rule);
        Assert.Contains($"holds {keys} keys", finding.Message, StringComparison.Ordinal);
    }
}
