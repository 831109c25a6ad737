using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class LogoUrlRuleTests
{
    [Theory]
    [InlineData("https://www.example.ac.za/logo.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void Https_and_data_logos_pass(string logo)
    {
        Assert.Empty(Models.Findings(new LogoUrlRule(), Models.Entity([Models.IdpRole(logos: [logo])])));
    }

    [Theory]
    [InlineData("http://www.example.ac.za/logo.png")]
    [InlineData("logo.png")]
    public void Other_logos_are_errors(string logo)
    {
        var finding = Assert.Single(Models.Findings(new LogoUrlRule(), Models.Entity([Models.IdpRole(logos: [logo])])));

        Assert.Equal(LogoUrlRule.Id, finding.Rule);
        Assert.Contains(logo, finding.Message, StringComparison.Ordinal);
    }
}
