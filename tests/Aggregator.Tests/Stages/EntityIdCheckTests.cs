using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class EntityIdCheckTests
{
    private static IReadOnlyList<string> Check(string entityId) =>
        TestPipelines.Apply(new EntityIdCheck(), $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\"/>").Item.Rules();

    [Theory]
    [InlineData("https://sp.example.ac.za/shibboleth")]
    [InlineData("urn:mace:example.ac.za:sp")]
    public void Absolute_uris_pass(string entityId)
    {
        Assert.Empty(Check(entityId));
    }

    [Theory]
    [InlineData("idp-without-scheme")]
    [InlineData("https://sp.example.ac.za/with space")]
    [InlineData("")]
    public void Relative_spaced_or_empty_entity_ids_are_errors(string entityId)
    {
        Assert.Equal([EntityIdCheck.Rule], Check(entityId));
    }

    [Fact]
    public void An_entity_id_over_1024_characters_is_an_error()
    {
        Assert.Equal([EntityIdCheck.Rule], Check("https://sp.example.ac.za/" + new string('a', 1024)));
    }
}
