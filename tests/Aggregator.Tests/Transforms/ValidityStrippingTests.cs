using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Transforms;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class ValidityStrippingTests
{
    [Fact]
    public void A_registered_entity_s_own_validity_is_removed_with_a_warning()
    {
        var xml = File.ReadAllText(Samples.Good("sp-library.xml"))
            .Replace("<md:EntityDescriptor ", "<md:EntityDescriptor validUntil=\"2001-01-01T00:00:00Z\" cacheDuration=\"PT1M\" ", StringComparison.Ordinal)
            .Replace("<md:SPSSODescriptor ", "<md:SPSSODescriptor validUntil=\"2001-01-01T00:00:00Z\" ", StringComparison.Ordinal);

        var (item, entity) = TestPipelines.Apply(new ValidityStripping(), xml);

        Assert.DoesNotContain("validUntil", entity.OuterXml, StringComparison.Ordinal);
        Assert.DoesNotContain("cacheDuration", entity.OuterXml, StringComparison.Ordinal);
        var message = Assert.Single(item.Messages);
        Assert.Equal((ValidityStripping.Rule, Severity.Warning), (message.RuleId, message.Severity));
        Assert.Contains("2001-01-01T00:00:00Z", message.Message, StringComparison.Ordinal);
        Assert.False(item.HasErrors);
    }

    [Fact]
    public void An_entity_without_its_own_validity_is_left_alone()
    {
        Assert.Empty(TestPipelines.Apply(new ValidityStripping(), File.ReadAllText(Samples.Good("sp-library.xml"))).Item.Messages);
    }
}
