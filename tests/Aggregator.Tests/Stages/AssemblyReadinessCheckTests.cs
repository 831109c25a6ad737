using System.Text;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class AssemblyReadinessCheckTests
{
    private const string Entity = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.ac.za/sp\"/>";

    [Fact]
    public void An_entity_the_aggregate_writer_can_copy_passes()
    {
        Assert.Empty(TestPipelines.Apply(new AssemblyReadinessCheck(new SafeXmlLoader()), Entity).Item.Messages);
    }

    [Fact]
    public void An_entity_the_transformations_grew_past_the_size_cap_is_an_error()
    {
        var (item, entity) = (TestPipelines.Item(Entity), TestPipelines.Document(Entity));
        entity.DocumentElement!.AppendChild(entity.CreateComment(new string('x', 200)));
        var cap = Encoding.UTF8.GetByteCount(Entity) + 100;

        new AssemblyReadinessCheck(new SafeXmlLoader(cap)).Apply(item, entity, TestPipelines.Context());

        var message = Assert.Single(item.Messages);
        Assert.Equal(AssemblyReadinessCheck.Rule, message.RuleId);
        Assert.Contains($"over the limit of {cap}", message.Message, StringComparison.Ordinal);
    }
}
