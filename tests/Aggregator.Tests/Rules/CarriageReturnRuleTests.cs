using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class CarriageReturnRuleTests
{
    [Fact]
    public void Plain_text_passes()
    {
        Assert.Empty(Models.Findings(new CarriageReturnRule(), Models.Entity()));
    }

    [Fact]
    public void A_carriage_return_is_an_error_naming_the_element()
    {
        var model = Models.Entity(texts: [new TextModel("Organization/OrganizationName", "en", "Example\r\nUniversity", 1)]);

        var finding = Assert.Single(Models.Findings(new CarriageReturnRule(), model));

        Assert.Equal(CarriageReturnRule.Id, finding.Rule);
        Assert.Contains("Organization/OrganizationName", finding.Message, StringComparison.Ordinal);
    }
}
