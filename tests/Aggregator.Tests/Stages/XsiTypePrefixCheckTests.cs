using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class XsiTypePrefixCheckTests
{
    private static string Entity(string declarations, string type) =>
        $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" {declarations} entityID=\"https://x.example.ac.za\">" +
        $"<md:RoleDescriptor xsi:type=\"{type}\" protocolSupportEnumeration=\"urn:x\"/></md:EntityDescriptor>";

    [Fact]
    public void A_declared_prefix_passes()
    {
        Assert.Empty(TestPipelines.Apply(new XsiTypePrefixCheck(), Entity("xmlns:fed=\"http://docs.oasis-open.org/wsfed/federation/200706\"", "fed:SecurityTokenServiceType")).Item.Messages);
    }

    [Fact]
    public void An_undeclared_prefix_is_an_error_naming_it()
    {
        var (item, _) = TestPipelines.Apply(new XsiTypePrefixCheck(), Entity(string.Empty, "fed:SecurityTokenServiceType"));

        var message = Assert.Single(item.Messages);
        Assert.Equal(XsiTypePrefixCheck.Rule, message.RuleId);
        Assert.Contains("'fed'", message.Message, StringComparison.Ordinal);
    }
}
