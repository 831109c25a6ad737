using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class WhitespaceTrimmingTests
{
    private static string Sample => File.ReadAllText(Samples.Good("idp-nrc.xml"));

    [Fact]
    public void Names_and_scopes_are_trimmed_with_a_warning_each()
    {
        var xml = Sample
            .Replace(">Karoo Navorsingsraad</md:OrganizationName>", ">\n  Karoo Navorsingsraad </md:OrganizationName>", StringComparison.Ordinal)
            .Replace(">nrc.example.ac.za</shibmd:Scope>", "> nrc.example.ac.za\n</shibmd:Scope>", StringComparison.Ordinal);

        var (item, entity) = TestPipelines.Apply(new WhitespaceTrimming(), xml);

        Assert.Equal("nrc.example.ac.za", entity.GetElementsByTagName("Scope", SamlNamespaces.Shibboleth)[0]!.InnerText);
        Assert.Equal("Karoo Navorsingsraad", entity.GetElementsByTagName("OrganizationName", SamlNamespaces.Metadata)[1]!.InnerText);
        Assert.Equal([WhitespaceTrimming.Rule, WhitespaceTrimming.Rule], item.Messages.Select(m => m.RuleId));
    }

    [Fact]
    public void A_clean_entity_is_left_alone()
    {
        Assert.Empty(TestPipelines.Apply(new WhitespaceTrimming(), Sample).Item.Messages);
    }
}
