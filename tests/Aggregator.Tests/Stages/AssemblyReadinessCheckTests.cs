using System.Text;
using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class AssemblyReadinessCheckTests
{
    // A transformation that grows the entity, as the RegistrationInfo injection does.
    private sealed class GrowsBy(int characters) : IEntityStage
    {
        public void Apply(EntityItem item, XmlDocument entity, PassContext context) =>
            entity.DocumentElement!.AppendChild(entity.CreateComment(new string('x', characters)));
    }

    private const string Entity = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.ac.za/sp\"/>";

    [Fact]
    public void An_entity_the_aggregate_writer_can_copy_passes()
    {
        var item = TestPipelines.Item(Entity);

        new AssemblyReadinessCheck(new SafeXmlLoader()).Apply(item, item.Bytes, TestPipelines.Context());

        Assert.Empty(item.Messages);
        Assert.True(item.BytesCopyable);
    }

    [Fact]
    public void An_entity_the_transformations_grew_past_the_size_cap_is_an_error()
    {
        var cap = Encoding.UTF8.GetByteCount(Entity) + 100;
        var grown = new EntityPipeline(new EntityParser(new SafeXmlLoader()), [new GrowsBy(200)], [], [new AssemblyReadinessCheck(new SafeXmlLoader(cap))]);

        var item = Assert.Single(grown.Run([TestPipelines.Item(Entity)], TestPipelines.Context()).Items);

        var message = Assert.Single(item.Messages);
        Assert.Equal(AssemblyReadinessCheck.Rule, message.RuleId);
        Assert.Contains($"over the limit of {cap}", message.Message, StringComparison.Ordinal);
        Assert.False(item.BytesCopyable);
    }
}
