using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class CertificateExpiryRuleTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static EntityModel Expiring(DateTimeOffset notAfter) => Models.WithCertificate(Keys.Rsa(notAfter: notAfter));

    [Fact]
    public void A_certificate_valid_for_months_passes()
    {
        Assert.Empty(Models.Findings(new CertificateExpiryRule(new RuleOptions()), Expiring(Now.AddDays(200)), Now));
    }

    [Fact]
    public void Expiry_within_30_days_is_a_warning()
    {
        var finding = Assert.Single(Models.Findings(new CertificateExpiryRule(new RuleOptions()), Expiring(Now.AddDays(10)), Now));

        Assert.Equal(CertificateExpiryRule.Id, finding.Rule);
        Assert.False(finding.IsError);
        Assert.Contains("within 30 days", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_is_reported_as_an_error_for_the_profile_to_weigh()
    {
        var finding = Assert.Single(Models.Findings(new CertificateExpiryRule(new RuleOptions()), Expiring(Now.AddDays(-3)), Now));

        Assert.True(finding.IsError);
        Assert.Contains("expired", finding.Message, StringComparison.Ordinal);
    }
}
