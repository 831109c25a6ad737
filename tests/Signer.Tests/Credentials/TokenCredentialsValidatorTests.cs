using Fedmd.Signer.Credentials;

namespace Fedmd.Tests.Signer.Credentials;

public sealed class TokenCredentialsValidatorTests
{
    [Fact]
    public void Labels_and_pin_within_the_rules_pass()
    {
        using var pin = Pin.FromString("Abc$-_123!~");

        Assert.True(Validate("fedmd-prod_1$", "metadata-signing", pin).IsValid);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("dots.not.allowed")]
    [InlineData("")]
    public void A_token_label_outside_the_character_set_is_refused(string label)
    {
        using var pin = Pin.FromString("123456");

        var result = Validate(label, "key", pin);

        Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith("token label must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Labels_longer_than_254_characters_are_refused()
    {
        using var pin = Pin.FromString("123456");

        var result = Validate("t", new string('k', 255), pin);

        Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith("key label must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("has space", "printable 7-bit ASCII")]
    [InlineData("tab\tpin", "printable 7-bit ASCII")]
    [InlineData("pïn", "printable 7-bit ASCII")]
    public void A_pin_outside_printable_ascii_without_white_space_is_refused_without_showing_it(string value, string rule)
    {
        using var pin = Pin.FromString(value);

        var result = Validate("t", "k", pin);

        var error = Assert.Single(result.Errors);
        Assert.Contains(rule, error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("[PIN withheld]", pin.ToString());
    }

    [Fact]
    public void A_pin_longer_than_254_characters_is_refused()
    {
        using var pin = Pin.FromString(new string('7', 255));

        Assert.Contains(Validate("t", "k", pin).Errors, e => e.ErrorMessage == "PIN must be 1 to 254 characters long");
    }

    private static FluentValidation.Results.ValidationResult Validate(string token, string key, Pin pin) =>
        new TokenCredentialsValidator().Validate(new TokenCredentials(token, key, pin));
}
