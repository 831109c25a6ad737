using System.Text;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Tests.Aggregator.Pipeline;

/// <summary>The parser's rule follows what is wrong with the bytes, never words that happen to be in the parser's message.</summary>
public class EntityParserTests
{
    private const string Entity = """<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example.org/shibboleth">""";

    [Theory]
    [InlineData(Entity + "<DTD></md:EntityDescriptor>", EntityParser.WellFormedRule)]
    [InlineData(Entity + "<Invalid-character-in-the-given-encoding></md:EntityDescriptor>", EntityParser.WellFormedRule)]
    [InlineData("<!DOCTYPE md:EntityDescriptor>" + Entity + "</md:EntityDescriptor>", EntityParser.DtdRule)]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]>" + Entity + "&a;</md:EntityDescriptor>", EntityParser.DtdRule)]
    [InlineData(Entity + "</md:EntityDescriptor><md:EntityDescriptor/>", EntityParser.WellFormedRule)]
    public void The_rule_is_chosen_by_the_reason_the_loader_gives(string xml, string rule)
    {
        var item = new EntityItem("entity.xml", Encoding.UTF8.GetBytes(xml));

        Assert.Null(new EntityParser(new SafeXmlLoader()).Parse(item));

        Assert.Equal(rule, Assert.Single(item.Messages).RuleId);
    }

    [Fact]
    public void Invalid_utf8_is_an_encoding_finding_wherever_it_stands()
    {
        var bytes = Encoding.UTF8.GetBytes(Entity + "<x>DTD ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("</x></md:EntityDescriptor>")).ToArray();
        var item = new EntityItem("entity.xml", bytes);

        Assert.Null(new EntityParser(new SafeXmlLoader()).Parse(item));

        Assert.Equal(EntityParser.EncodingRule, Assert.Single(item.Messages).RuleId);
    }
}
