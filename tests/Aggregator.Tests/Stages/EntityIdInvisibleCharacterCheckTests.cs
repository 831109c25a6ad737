using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class EntityIdInvisibleCharacterCheckTests
{
    private static (IReadOnlyList<string> Rules, string Messages) Check(string entityId)
    {
        var item = TestPipelines.Apply(new EntityIdInvisibleCharacterCheck(),
            $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\"/>").Item;
        return (item.Rules(), string.Join("\n", item.Messages.Select(m => m.Message)));
    }

    [Theory]
    [InlineData("https://sp.example.ac.za/shibboleth")]
    [InlineData("https://пример.example.ac.za/shibboleth")]
    [InlineData("urn:mace:example.ac.za:sp")]
    public void Visible_entity_ids_pass(string entityId)
    {
        Assert.Empty(Check(entityId).Rules);
    }

    [Theory]
    [InlineData("https://sp.example.ac.za/shib\u200Bboleth", "U+200B", "invisible")]
    [InlineData("https://sp.example.ac.za/\u202Eshibboleth", "U+202E", "bidirectional")]
    [InlineData("https://sp.example.ac.za/\u2066shibboleth\u2069", "U+2066", "bidirectional")]
    [InlineData("https://sp.example.ac.za/\u200Fshibboleth", "U+200F", "bidirectional")]
    [InlineData("https://sp.exa\u00ADmple.ac.za/shibboleth", "U+00AD", "invisible")]
    [InlineData("\uFEFFhttps://sp.example.ac.za/shibboleth", "U+FEFF", "invisible")]
    [InlineData("https://sp.example.ac.za/\u200Dshibboleth", "U+200D", "invisible")]
    [InlineData("https://sp.example.ac.za/shibboleth\uFE0F", "U+FE0F", "invisible")]
    public void An_invisible_or_bidirectional_control_character_is_an_error_naming_it(string entityId, string codePoint, string kind)
    {
        var (rules, messages) = Check(entityId);

        Assert.Equal([EntityIdInvisibleCharacterCheck.Rule], rules);
        Assert.Contains(codePoint, messages, StringComparison.Ordinal);
        Assert.Contains(kind, messages, StringComparison.Ordinal);
    }
}
