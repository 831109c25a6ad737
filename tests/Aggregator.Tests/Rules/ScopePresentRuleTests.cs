using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class ScopePresentRuleTests
{
    [Fact]
    public void An_idp_with_a_scope_passes()
    {
        Assert.Empty(Models.Findings(new ScopePresentRule(), Models.Entity()));
    }

    [Fact]
    public void An_idp_without_a_scope_is_an_error()
    {
        var finding = Assert.Single(Models.Findings(new ScopePresentRule(), Models.Entity([Models.IdpRole(scopes: [])])));

        Assert.Equal(ScopePresentRule.Id, finding.Rule);
        Assert.True(finding.IsError);
    }

    [Fact]
    public void A_service_provider_needs_no_scope()
    {
        Assert.Empty(Models.Findings(new ScopePresentRule(), Models.Entity([Models.SpRole()])));
    }
}
