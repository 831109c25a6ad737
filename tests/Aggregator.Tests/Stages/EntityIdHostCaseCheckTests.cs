using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class EntityIdHostCaseCheckTests
{
    private static EntityItem Check(string entityId, Severity severity = Severity.Error) =>
        TestPipelines.Apply(new EntityIdHostCaseCheck(severity),
            $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\"/>").Item;

    [Theory]
    [InlineData("https://sp.example.ac.za/Shibboleth")]
    [InlineData("https://sp.example.ac.za:8443/SP")]
    [InlineData("urn:mace:Example.ac.za:SP")]
    public void A_lower_case_host_or_no_host_passes_whatever_the_case_of_the_rest(string entityId)
    {
        Assert.Empty(Check(entityId).Messages);
    }

    [Theory]
    [InlineData(Severity.Error)]
    [InlineData(Severity.Warning)]
    public void An_upper_case_host_is_reported_with_the_origins_severity_and_the_fix(Severity severity)
    {
        var message = Assert.Single(Check("https://user@SP.Example.ac.za:443/shibboleth", severity).Messages);

        Assert.Equal(EntityIdHostCaseCheck.Rule, message.RuleId);
        Assert.Equal(severity, message.Severity);
        Assert.Contains("write it as sp.example.ac.za", message.Message, StringComparison.Ordinal);
    }
}
