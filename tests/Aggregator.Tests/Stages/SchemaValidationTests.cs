using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class SchemaValidationTests
{
    private static readonly SchemaValidation Stage = new(
        MetadataSchemas.Compile(SchemaLocations.FromDirectories(MetadataSchemas.DefaultDirectories), MetadataSchemas.DefaultNamespaces),
        new SafeXmlLoader());

    [Theory]
    [MemberData(nameof(Samples.GoodNames), MemberType = typeof(Samples))]
    public void Every_sample_is_schema_valid(string name)
    {
        Assert.Empty(TestPipelines.Apply(Stage, File.ReadAllText(Samples.Good(name))).Item.Messages);
    }

    [Fact]
    public void Wrong_element_order_is_an_error_with_its_line()
    {
        var message = Assert.Single(TestPipelines.Apply(Stage, File.ReadAllText(Samples.Bad("schema-invalid.xml"))).Item.Messages);

        Assert.Equal(SchemaValidation.Rule, message.RuleId);
        Assert.Contains("line 4", message.Message, StringComparison.Ordinal);
        Assert.Contains("Organization", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_are_validated_too()
    {
        var xml = File.ReadAllText(Samples.Good("idp-uni-a.xml")).Replace("<mdui:DisplayName xml:lang=\"en\">", "<mdui:DisplayName>", StringComparison.Ordinal);

        var message = Assert.Single(TestPipelines.Apply(Stage, xml).Item.Messages);

        Assert.Contains("lang", message.Message, StringComparison.Ordinal);
    }
}
