using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class TechnicalContactRuleTests
{
    [Fact]
    public void A_technical_contact_with_mailto_passes()
    {
        Assert.Empty(Models.Findings(new TechnicalContactRule(), Models.Entity()));
    }

    [Fact]
    public void Only_a_support_contact_is_an_error()
    {
        var model = Models.Entity(contacts: [new ContactModel("support", null, ["mailto:help@example.ac.za"])]);

        Assert.Equal(TechnicalContactRule.Id, Assert.Single(Models.Findings(new TechnicalContactRule(), model)).Rule);
    }

    [Fact]
    public void A_technical_contact_without_mailto_is_an_error()
    {
        var model = Models.Entity(contacts: [new ContactModel("technical", null, ["iam@example.ac.za"])]);

        Assert.Single(Models.Findings(new TechnicalContactRule(), model));
    }
}
