using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class SirtfiSecurityContactRuleTests
{
    [Fact]
    public void Without_sirtfi_no_security_contact_is_needed()
    {
        Assert.Empty(Models.Findings(new SirtfiSecurityContactRule(), Models.Entity()));
    }

    [Fact]
    public void Sirtfi_without_a_security_contact_is_an_error()
    {
        var finding = Assert.Single(Models.Findings(new SirtfiSecurityContactRule(), Models.Entity(attributes: Models.Sirtfi)));

        Assert.Equal(SirtfiSecurityContactRule.Id, finding.Rule);
        Assert.True(finding.IsError);
    }

    [Fact]
    public void Sirtfi_with_a_refeds_security_contact_passes()
    {
        var model = Models.Entity(
            contacts: [Models.Technical, new ContactModel("other", ContactModel.SecurityType, ["mailto:csirt@example.ac.za"])],
            attributes: Models.Sirtfi);

        Assert.Empty(Models.Findings(new SirtfiSecurityContactRule(), model));
    }
}
