using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class NameWhitespaceRuleTests
{
    [Fact]
    public void Trimmed_names_pass()
    {
        Assert.Empty(Models.Findings(new NameWhitespaceRule(), Models.Entity()));
    }

    [Fact]
    public void A_padded_name_is_a_warning()
    {
        var model = Models.Entity(texts: [new TextModel("Organization/OrganizationDisplayName", "en", " Example ", 1)]);

        var finding = Assert.Single(Models.Findings(new NameWhitespaceRule(), model));

        Assert.Equal(NameWhitespaceRule.Id, finding.Rule);
        Assert.False(finding.IsError);
    }

    [Fact]
    public void Other_elements_are_not_judged()
    {
        var model = Models.Entity(texts: [new TextModel("Organization/OrganizationURL", "en", " https://example.ac.za/ ", 1)]);

        Assert.Empty(Models.Findings(new NameWhitespaceRule(), model));
    }
}
