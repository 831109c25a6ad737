using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class RsaExponentRuleTests
{
    [Fact]
    public void Exponent_65537_passes()
    {
        Assert.Empty(Models.Findings(new RsaExponentRule(new RuleOptions()), Models.WithCertificate(Keys.Rsa())));
    }

    [Fact]
    public void Exponent_3_is_an_error()
    {
        var finding = Assert.Single(Models.Findings(new RsaExponentRule(new RuleOptions()), Models.WithCertificate(Keys.RsaExponentThree())));

        Assert.Equal(RsaExponentRule.Id, finding.Rule);
        Assert.True(finding.IsError);
        Assert.Contains("exponent 3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_minimum_is_configurable()
    {
        Assert.Empty(Models.Findings(new RsaExponentRule(new RuleOptions { MinimumRsaExponent = 3 }), Models.WithCertificate(Keys.RsaExponentThree())));
    }
}
