using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class UsableKeyRuleTests
{
    [Fact]
    public void A_KeyDescriptor_with_a_key_passes_even_with_two()
    {
        Assert.Empty(Models.Findings(new UsableKeyRule(), Models.Entity([Models.IdpRole(keys: [new KeyDescriptorModel("signing", 2, [Models.Certificate, Models.Certificate])])])));
    }

    [Fact]
    public void A_KeyDescriptor_with_only_a_KeyName_is_an_error()
    {
        var model = Models.Entity([Models.IdpRole(keys: [new KeyDescriptorModel("signing", 0, [])])]);

        var finding = Assert.Single(Models.Findings(new UsableKeyRule(), model));

        Assert.Equal(UsableKeyRule.Id, finding.Rule);
        Assert.True(finding.IsError);
        Assert.Contains("use=signing", finding.Message, StringComparison.Ordinal);
    }
}
