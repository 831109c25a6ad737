using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class EntityIdMixedScriptCheckTests
{
    private static EntityItem Check(string entityId, Severity severity = Severity.Error) =>
        TestPipelines.Apply(new EntityIdMixedScriptCheck(severity),
            $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\"/>").Item;

    [Theory]
    [InlineData("https://sp.example.ac.za/shibboleth")]
    [InlineData("https://пример.испытание/shibboleth")]
    [InlineData("https://пример.example.ac.za/shibboleth")]
    [InlineData("https://東京tokyo.example.jp/sp")]
    [InlineData("https://sp-2.example.ac.za/шибболет")]
    [InlineData("urn:mace:example.ac.za:sp")]
    public void Single_script_labels_pass(string entityId)
    {
        Assert.Empty(Check(entityId).Messages);
    }

    [Theory]
    [InlineData("https://wiki.rese\u0430rch.example.ac.za/shibboleth", "Latin, Cyrillic")]
    [InlineData("https://xn--exmple-4nf.ac.za/shibboleth", "Latin, Cyrillic")]
    [InlineData("https://\u03BFpen.example.ac.za/sp", "Greek, Latin")]
    public void A_label_mixing_scripts_is_reported_with_the_origins_severity(string entityId, string scripts)
    {
        foreach (var severity in new[] { Severity.Error, Severity.Warning })
        {
            var message = Assert.Single(Check(entityId, severity).Messages);

            Assert.Equal(EntityIdMixedScriptCheck.Rule, message.RuleId);
            Assert.Equal(severity, message.Severity);
            Assert.Contains(scripts, message.Message, StringComparison.Ordinal);
        }
    }
}
