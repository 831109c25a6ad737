using System.Security.Cryptography;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class KeyStrengthRuleTests
{
    [Fact]
    public void Rsa_2048_and_ec_p256_pass()
    {
        var rule = new KeyStrengthRule(new RuleOptions());

        Assert.Empty(Models.Findings(rule, Models.WithCertificate(Keys.Rsa(2048))));
        Assert.Empty(Models.Findings(rule, Models.WithCertificate(Keys.Ec(ECCurve.NamedCurves.nistP256))));
    }

    [Fact]
    public void Rsa_1024_is_an_error_naming_the_size()
    {
        var finding = Assert.Single(Models.Findings(new KeyStrengthRule(new RuleOptions()), Models.WithCertificate(Keys.Rsa(1024))));

        Assert.Equal(KeyStrengthRule.Id, finding.Rule);
        Assert.True(finding.IsError);
        Assert.Contains("1024 bits", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ec_below_the_minimum_is_an_error()
    {
        var rule = new KeyStrengthRule(new RuleOptions { MinimumEcBits = 384 });

        Assert.Contains("EC key of 256 bits", Assert.Single(Models.Findings(rule, Models.WithCertificate(Keys.Ec(ECCurve.NamedCurves.nistP256)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dsa_is_rejected_whatever_its_size()
    {
        var finding = Assert.Single(Models.Findings(new KeyStrengthRule(new RuleOptions()), Models.WithCertificate(Keys.Dsa())));

        Assert.True(finding.IsError);
        Assert.Contains("only RSA and EC", finding.Message, StringComparison.Ordinal);
    }
}
