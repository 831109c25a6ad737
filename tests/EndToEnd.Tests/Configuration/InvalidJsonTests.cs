namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>A configuration file that is not JSON is refused with the line and position an editor shows.</summary>
public sealed class InvalidJsonTests
{
    [Fact]
    public void A_syntax_error_names_the_file_line_and_position()
    {
        using var configuration = new ConfigurationUnderTest();
        configuration.Write("{\n  \"Profile\": \"development\",\n  \"Publish\": { \"Directory\": \"out\" ]\n}\n");

        Assert.Equal(
            $"configuration file {configuration.Path} is not valid JSON at line 3, position 35: ']' is invalid without a matching open.",
            configuration.Refusal());
    }

    [Fact]
    public void A_missing_comma_is_placed_on_its_line()
    {
        using var configuration = new ConfigurationUnderTest();
        configuration.Write("{\n  \"Profile\": \"development\"\n  \"StateDirectory\": \"out/state\"\n}\n");

        Assert.StartsWith($"configuration file {configuration.Path} is not valid JSON at line 3, position 3: ", configuration.Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_one_object_is_refused()
    {
        using var configuration = new ConfigurationUnderTest();
        configuration.Write("[ { \"Profile\": \"development\" } ]");

        Assert.Equal($"configuration file must hold one JSON object ({{ … }}), not a list (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void Comments_trailing_commas_and_a_byte_order_mark_are_accepted_as_the_json_provider_accepts_them()
    {
        using var configuration = new ConfigurationUnderTest();
        var text = File.ReadAllText(configuration.Path);
        configuration.Write("\uFEFF// the development profile\n" + text.Insert(text.LastIndexOf('}'), ", /* end */"));

        Assert.Equal("development", configuration.Load().Profile);
    }
}
