using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class IdentityProviderUiRuleTests
{
    [Fact]
    public void English_names_pass()
    {
        Assert.Empty(Models.Findings(new IdentityProviderUiRule(), Models.Entity()));
    }

    [Fact]
    public void A_missing_english_display_name_is_an_error()
    {
        var model = Models.Entity([Models.IdpRole(displayNames: [new TextModel("DisplayName", "af", "Voorbeeld", 0)])]);

        var finding = Assert.Single(Models.Findings(new IdentityProviderUiRule(), model));

        Assert.Equal(IdentityProviderUiRule.Id, finding.Rule);
        Assert.Contains("DisplayName", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_description_is_an_error()
    {
        var finding = Assert.Single(Models.Findings(new IdentityProviderUiRule(), Models.Entity([Models.IdpRole(descriptions: [])])));

        Assert.Contains("Description", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_providers_are_not_judged()
    {
        Assert.Empty(Models.Findings(new IdentityProviderUiRule(), Models.Entity([Models.SpRole()])));
    }
}
