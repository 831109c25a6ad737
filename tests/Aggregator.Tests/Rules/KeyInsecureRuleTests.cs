using System.Security.Cryptography;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class KeyInsecureRuleTests
{
    [Fact]
    public void RSA_of_1024_bits_and_EC_P256_pass()
    {
        Assert.Empty(Models.Findings(new KeyInsecureRule(), Models.WithCertificate(Keys.Rsa(1024))));
        Assert.Empty(Models.Findings(new KeyInsecureRule(), Models.WithCertificate(Keys.Ec(ECCurve.NamedCurves.nistP256))));
    }

    [Fact]
    public void RSA_below_1024_bits_is_an_error()
    {
        var finding = Assert.Single(Models.Findings(new KeyInsecureRule(), Models.WithCertificate(Keys.Rsa(512))));

        Assert.Equal(KeyInsecureRule.Id, finding.Rule);
        Assert.True(finding.IsError);
        Assert.Contains("512 bits", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DSA_key_is_an_error()
    {
        Assert.True(Assert.Single(Models.Findings(new KeyInsecureRule(), Models.WithCertificate(Keys.Dsa()))).IsError);
    }
}
