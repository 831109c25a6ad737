using System.Text;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Sources;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport.Http;

namespace Fedmd.Tests.Aggregator.Sources;

/// <summary>Splitting a verified aggregate: nested aggregates, inherited namespaces and inherited validUntil.</summary>
public class AggregateSplitterTests
{
    private const string Nested = """
        <?xml version="1.0" encoding="UTF-8"?>
        <md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_outer" validUntil="2026-12-01T00:00:00Z">
          <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>
          <md:Extensions><md:Marker/></md:Extensions>
          <md:EntityDescriptor entityID="https://top.example.org/sp" validUntil="2027-01-01T00:00:00Z">
            <md:Extensions><saml:AttributeValue xsi:type="xs:string">value</saml:AttributeValue></md:Extensions>
          </md:EntityDescriptor>
          <md:EntitiesDescriptor Name="inner" validUntil="2026-11-20T00:00:00Z">
            <md:EntityDescriptor entityID="https://inner.example.org/idp"/>
            <md:EntityDescriptor entityID="https://early.example.org/idp" validUntil="2026-11-10T00:00:00Z"/>
          </md:EntitiesDescriptor>
          <md:EntitiesDescriptor Name="empty"/>
          <md:EntityDescriptor entityID="https://last.example.org/sp"/>
        </md:EntitiesDescriptor>
        """;

    private static List<System.Xml.XmlDocument> Split(string aggregate) =>
        new AggregateSplitter(new SafeXmlLoader()).Split(Encoding.UTF8.GetBytes(aggregate.Trim()))
            .Select(bytes => new SafeXmlLoader().Load(bytes))
            .ToList();

    [Fact]
    public void Every_entity_at_any_depth_becomes_a_document_of_its_own_in_document_order()
    {
        var entities = Split(Nested);

        Assert.Equal(
            ["https://top.example.org/sp", "https://inner.example.org/idp", "https://early.example.org/idp", "https://last.example.org/sp"],
            entities.Select(e => e.DocumentElement!.GetAttribute("entityID")));
        Assert.All(entities, e => Assert.Equal("EntityDescriptor", e.DocumentElement!.LocalName));
        Assert.All(entities, e => Assert.Empty(e.GetElementsByTagName("Signature", SamlNamespaces.DSig)));
        Assert.All(entities, e => Assert.Empty(e.GetElementsByTagName("Marker", SamlNamespaces.Metadata)));
    }

    [Fact]
    public void Each_entity_carries_the_earliest_validUntil_of_itself_and_its_ancestors()
    {
        var validUntil = Split(Nested).Select(e => e.DocumentElement!.GetAttribute("validUntil")).ToList();

        Assert.Equal(["2026-12-01T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-10T00:00:00Z", "2026-12-01T00:00:00Z"], validUntil);
    }

    [Fact]
    public void Namespace_declarations_of_the_ancestors_stay_in_scope_for_prefixes_inside_values()
    {
        var top = Split(Nested)[0];
        var item = new EntityItem("source test: https://top.example.org/sp", Encoding.UTF8.GetBytes(top.OuterXml));

        new XsiTypePrefixCheck().Apply(item, top, TestPipelines.Context());

        Assert.Empty(item.Messages);
        Assert.Equal("http://www.w3.org/2001/XMLSchema", top.DocumentElement!.GetNamespaceOfPrefix("xs"));
        Assert.Equal("http://www.w3.org/2001/XMLSchema-instance", top.DocumentElement.GetAttribute("xmlns:xsi"));
    }

    [Fact]
    public void A_single_entity_source_is_one_entity()
    {
        var entities = Split("""<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_one" entityID="https://one.example.org/sp" validUntil="2026-12-01T00:00:00Z"/>""");

        Assert.Equal("https://one.example.org/sp", Assert.Single(entities).DocumentElement!.GetAttribute("entityID"));
    }

    [Fact]
    public void An_entity_typing_values_with_prefixes_declared_only_on_the_source_root_passes_schema_validation()
    {
        var aggregate = new RemoteAggregate().Foreign("idp-uni-a.xml", edit: RemoteAggregate.XsiTypedValues).Build(DateTimeOffset.UtcNow.AddDays(5));
        Assert.Contains("xsi:type=\"xs:string\"", aggregate, StringComparison.Ordinal);
        var entity = Assert.Single(new AggregateSplitter(new SafeXmlLoader()).Split(Encoding.UTF8.GetBytes(aggregate)));

        var item = Assert.Single(TestPipelines.Origins().Imported.Run([new EntityItem("source home: idp", entity)], TestPipelines.Context()).Items);

        Assert.Empty(item.Messages);
        Assert.NotNull(item.Summary);
    }
}
