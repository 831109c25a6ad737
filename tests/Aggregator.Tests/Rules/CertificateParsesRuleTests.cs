using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class CertificateParsesRuleTests
{
    [Fact]
    public void A_real_certificate_passes()
    {
        Assert.Empty(Models.Findings(new CertificateParsesRule(), Models.Entity()));
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("AAECAwQF")]
    public void Garbage_is_an_error(string base64)
    {
        var model = Models.Entity([Models.IdpRole(keys: [new KeyDescriptorModel("signing", 1, [base64])])]);

        var finding = Assert.Single(Models.Findings(new CertificateParsesRule(), model));

        Assert.Equal(CertificateParsesRule.Id, finding.Rule);
        Assert.True(finding.IsError);
    }
}
