using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class SignatureStrippingTests
{
    [Fact]
    public void The_entity_signature_is_removed_with_a_warning()
    {
        var (item, entity) = TestPipelines.Apply(new SignatureStripping(), File.ReadAllText(Samples.Bad("carries-signature-and-registrationinfo.xml")));

        Assert.Empty(entity.GetElementsByTagName("Signature", SamlNamespaces.DSig));
        var message = Assert.Single(item.Messages);
        Assert.Equal(SignatureStripping.Rule, message.RuleId);
        Assert.Equal(Severity.Warning, message.Severity);
        Assert.NotEmpty(entity.GetElementsByTagName("X509Certificate", SamlNamespaces.DSig));
    }

    [Fact]
    public void An_unsigned_entity_is_left_alone()
    {
        Assert.Empty(TestPipelines.Apply(new SignatureStripping(), File.ReadAllText(Samples.Good("sp-library.xml"))).Item.Messages);
    }
}
