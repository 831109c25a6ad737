using Fedmd.Metadata.Values;

namespace Fedmd.Tests.Metadata.Values;

public sealed class EntityIdTests
{
    [Theory]
    [InlineData("https://idp.example.ac.za/idp/shibboleth")]
    [InlineData("urn:mace:example.ac.za:idp")]
    public void Accepts_absolute_uris(string text)
    {
        Assert.True(EntityId.TryCreate(text, out var id, out var problem));
        Assert.Equal(text, id!.Value);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("idp-without-scheme", "not an absolute URI")]
    [InlineData("https://idp.example.ac.za/ shibboleth", "white space")]
    public void Refuses_with_a_reason(string? text, string reason)
    {
        Assert.False(EntityId.TryCreate(text, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_more_than_1024_characters()
    {
        var text = "https://example.ac.za/" + new string('a', 1010);

        Assert.False(EntityId.TryCreate(text, out _, out var problem));
        Assert.Contains("1024", problem, StringComparison.Ordinal);
    }
}
