using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class RegistrationInfoPresentRuleTests
{
    [Fact]
    public void An_entity_with_a_registration_authority_passes()
    {
        Assert.Empty(Models.Findings(new RegistrationInfoPresentRule(), Models.Entity() with { RegistrationAuthority = "https://home.example.org" }));
    }

    [Fact]
    public void An_entity_without_RegistrationInfo_or_with_an_empty_authority_is_an_error()
    {
        Assert.Equal(RegistrationInfoPresentRule.Id, Assert.Single(Models.Findings(new RegistrationInfoPresentRule(), Models.Entity())).Rule);
        Assert.True(Assert.Single(Models.Findings(new RegistrationInfoPresentRule(), Models.Entity() with { RegistrationAuthority = " " })).IsError);
    }
}
