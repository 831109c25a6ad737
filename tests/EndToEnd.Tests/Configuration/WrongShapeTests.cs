using System.Text.Json.Nodes;

namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>A key holding another shape than its option (a string for a list, an object for a value, …) is refused.</summary>
public sealed class WrongShapeTests
{
    [Fact]
    public void Feeds_written_as_a_string_is_refused_rather_than_dropping_the_feeds()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Feeds"] = "federation-metadata.xml, idp-proxies.xml");

        Assert.Equal($"configuration key Feeds must be a list ([ … ]), not a string (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void Entity_attributes_written_as_one_object_are_refused()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Feeds"]![1]!["EntityAttributes"] = new JsonObject
        {
            ["Name"] = "http://macedir.org/entity-category",
            ["Value"] = "http://fedmd.example.ac.za/category/idp-proxy",
        });

        Assert.Equal($"configuration key Feeds[1]:EntityAttributes must be a list ([ … ]), not an object (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void An_object_where_a_value_belongs_is_refused()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publish"]!["Directory"] = new JsonObject { ["Path"] = "out/publish" });

        Assert.Equal($"configuration key Publish:Directory must be a single value, not an object (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void A_list_where_a_section_belongs_is_refused()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publish"] = new JsonArray(new JsonObject { ["Directory"] = "out/publish" }));

        Assert.Equal($"configuration key Publish must be an object ({{ … }}), not a list (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void A_list_item_of_the_wrong_shape_is_named_by_its_index()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Validation"]!["SchemaDirectories"]![1] = new JsonArray("/usr/share/xml"));

        Assert.Equal($"configuration key Validation:SchemaDirectories[1] must be a single value, not a list (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void A_feed_written_as_a_string_is_refused()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Feeds"]![1] = "idp-proxies.xml");

        Assert.Equal($"configuration key Feeds[1] must be an object ({{ … }}), not a string (in {configuration.Path})", configuration.Refusal());
    }

    [Theory]
    [InlineData("HistoryVersions", "many", "must be a whole number")]
    [InlineData("HistoryVersions", "4.5", "must be a whole number")]
    public void A_value_that_does_not_convert_to_its_type_is_refused_by_key(string key, string value, string rule)
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publish"]![key] = value);

        Assert.Equal($"configuration Publish:{key}: {rule} (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void A_boolean_that_is_not_true_or_false_is_refused_by_key()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Registry"]!["DuplicateFirstWins"] = "sometimes");

        Assert.Equal($"configuration Registry:DuplicateFirstWins: must be true or false (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void Null_and_empty_lists_still_mean_not_set()
    {
        using var configuration = new ConfigurationUnderTest(c =>
        {
            c["Publish"]!["BaseUrl"] = null;
            c["Publish"]!["Mirrors"] = new JsonArray();
            c["Sources"] = null;
            c["Publish"]!["HistoryVersions"] = "12";
        });

        var options = configuration.Load();

        Assert.Null(options.Publish.BaseUrl);
        Assert.Empty(options.Publish.Mirrors);
        Assert.Empty(options.Sources);
        Assert.Equal(12, options.Publish.HistoryVersions);
    }
}
