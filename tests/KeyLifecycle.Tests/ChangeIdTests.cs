using Fedmd.KeyLifecycle.DualControl;

namespace Fedmd.Tests.KeyLifecycle;

public sealed class ChangeIdTests
{
    [Fact]
    public void SameFactsGiveTheSameIdAndOtherFactsAnother()
    {
        var id = ChangeId.For("saml-activate", "https://hub.example.org/idp", "SHA256:AB");
        Assert.Equal(id, ChangeId.For("saml-activate", "https://hub.example.org/idp", "SHA256:AB"));
        Assert.NotEqual(id, ChangeId.For("saml-activate", "https://hub.example.org/idp", "SHA256:AC"));
        Assert.StartsWith("saml-activate-", id.Value, StringComparison.Ordinal);
        Assert.Equal(id, ChangeId.TryParse(id.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("saml-activate")]
    [InlineData("saml-activate-XYZ")]
    [InlineData("Saml-activate-0123456789ab")]
    [InlineData("saml-activate-0123456789abc")]
    public void AnIdOfAnotherShapeIsNotParsed(string text) => Assert.Null(ChangeId.TryParse(text));
}
