using System.Text;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Stages;

public class EntityStructureCheckTests
{
    private static readonly EntityStructureCheck Check = new(new SafeXmlLoader());

    private static IReadOnlyList<string> Rules(string xml) => TestPipelines.Apply(Check, xml).Item.Rules();

    private static string Entity(string children) =>
        $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.ac.za/sp\"><md:Extensions>{children}</md:Extensions></md:EntityDescriptor>";

    [Theory]
    [MemberData(nameof(Samples.GoodNames), MemberType = typeof(Samples))]
    public void Every_sample_is_within_the_limits(string name)
    {
        Assert.Empty(Rules(File.ReadAllText(Samples.Good(name))));
    }

    [Fact]
    public void An_entity_nested_to_the_limit_passes()
    {
        Assert.Empty(Rules(HostileEntities.Deep("sp-wiki.xml", EntityStructureCheck.MaxDepth)));
    }

    [Fact]
    public void An_entity_nested_one_level_deeper_is_an_error_naming_the_line()
    {
        var (item, _) = TestPipelines.Apply(Check, HostileEntities.Deep("sp-wiki.xml", EntityStructureCheck.MaxDepth + 1));

        var message = Assert.Single(item.Messages);
        Assert.Equal(EntityStructureCheck.Rule, message.RuleId);
        Assert.Contains($"nested {EntityStructureCheck.MaxDepth + 1} levels deep", message.Message, StringComparison.Ordinal);
        Assert.Contains("at line 3", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_65_levels_that_broke_the_aggregate_signature_are_an_error()
    {
        Assert.Equal([EntityStructureCheck.Rule], Rules(HostileEntities.Deep("sp-wiki.xml", 65)));
    }

    [Fact]
    public void Attributes_beyond_the_limit_on_one_element_are_an_error()
    {
        string Element(int attributes) =>
            "<x:e xmlns:x=\"urn:example:x\" " + string.Concat(Enumerable.Range(1, attributes - 1).Select(i => $"a{i}=\"v\" ")) + "/>";

        Assert.Empty(Rules(Entity(Element(EntityStructureCheck.MaxAttributesPerElement))));
        Assert.Equal([EntityStructureCheck.Rule], Rules(Entity(Element(EntityStructureCheck.MaxAttributesPerElement + 1))));
    }

    [Fact]
    public void Elements_beyond_the_limit_in_one_entity_are_an_error()
    {
        var children = new StringBuilder("<x:list xmlns:x=\"urn:example:x\">");
        for (var i = 0; i < EntityStructureCheck.MaxElements; i++)
        {
            children.Append("<x:i/>");
        }

        children.Append("</x:list>");

        var message = Assert.Single(TestPipelines.Apply(Check, Entity(children.ToString())).Item.Messages);
        Assert.Equal(EntityStructureCheck.Rule, message.RuleId);
        Assert.Contains($"more than {EntityStructureCheck.MaxElements} elements", message.Message, StringComparison.Ordinal);
    }
}
