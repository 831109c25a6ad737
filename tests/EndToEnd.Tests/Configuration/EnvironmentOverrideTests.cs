namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>A <c>FEDMD__</c> variable is checked like the file, and a mistake in it names the variable, not the file.</summary>
public sealed class EnvironmentOverrideTests
{
    [Fact]
    public void A_misspelt_variable_names_the_variable()
    {
        using var configuration = new ConfigurationUnderTest();

        Assert.Equal(
            "environment variable FEDMD__Publish__Directroy: configuration key Publish:Directroy is not known (did you mean Publish:Directory?)",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Publish__Directroy"] = "/srv/www" }));
    }

    [Fact]
    public void A_variable_setting_a_list_to_a_value_names_the_variable()
    {
        using var configuration = new ConfigurationUnderTest();

        Assert.Equal("environment variable FEDMD__Feeds: configuration key Feeds must be a list ([ … ]), not a single value",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Feeds"] = "federation-metadata.xml" }));
    }

    [Fact]
    public void A_variable_below_a_value_names_the_variable()
    {
        using var configuration = new ConfigurationUnderTest();

        Assert.Equal("environment variable FEDMD__Publish__Directory__Path: configuration key Publish:Directory must be a single value, not a section with the key Path",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Publish__Directory__Path"] = "/srv/www" }));
    }

    [Fact]
    public void A_list_item_named_by_a_word_instead_of_an_index_names_the_variable()
    {
        using var configuration = new ConfigurationUnderTest();

        Assert.Equal(
            "environment variable FEDMD__Feeds__proxy__Name: configuration key Feeds must be a list ([ … ]), not a section with the key proxy (its items are numbered from FEDMD__Feeds__0)",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Feeds__proxy__Name"] = "x" }));
    }

    [Fact]
    public void A_list_item_beyond_the_next_index_names_the_variable_and_the_next_index()
    {
        using var configuration = new ConfigurationUnderTest();

        Assert.Equal("environment variable FEDMD__Feeds__5__Name: configuration key Feeds[5] skips an index: the next item of Feeds is Feeds[2]",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Feeds__5__Name"] = "https://fedmd.example.ac.za/metadata/extra.xml" }));
    }

    [Fact]
    public void A_value_that_does_not_convert_names_the_variable()
    {
        using var configuration = new ConfigurationUnderTest();

        Assert.Equal("environment variable FEDMD__Publish__HistoryVersions: configuration Publish:HistoryVersions: must be a whole number",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Publish__HistoryVersions"] = "all" }));
    }

    [Fact]
    public void A_value_the_validators_refuse_names_the_variable_not_the_file()
    {
        using var configuration = new ConfigurationUnderTest();

        Assert.Equal(
            "environment variable FEDMD__Schedule__Cron: configuration Schedule:Cron: is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. '0 0 * * * ?'",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Schedule__Cron"] = "every hour" }));
    }

    [Fact]
    public void A_feed_value_the_validators_refuse_names_the_variable_by_the_feeds_index()
    {
        using var configuration = new ConfigurationUnderTest();

        var refusal = configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Feeds__1__FileName"] = "../escape.xml" });

        Assert.StartsWith("environment variable FEDMD__Feeds__1__FileName: configuration Feeds[1]:FileName: ", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(configuration.Path, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_bad_value_in_the_file_names_the_file()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Schedule"]!["Cron"] = "every hour");

        Assert.Equal(
            $"configuration Schedule:Cron: is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. '0 0 * * * ?' (in {configuration.Path})",
            configuration.Refusal(new Dictionary<string, string> { ["FEDMD__Schedule__TimeZone"] = "UTC" }));
    }

    [Fact]
    public void Variables_still_override_the_file_in_any_case_and_may_add_the_next_list_item()
    {
        using var configuration = new ConfigurationUnderTest();

        var options = configuration.Load(new Dictionary<string, string>
        {
            ["fedmd__publish__directory"] = "/srv/www/metadata",
            ["FEDMD__Feeds__2__Name"] = "https://fedmd.example.ac.za/metadata/sps.xml",
            ["FEDMD__Feeds__2__FileName"] = "sps.xml",
            ["FEDMD__Feeds__2__Roles__0"] = "SPSSODescriptor",
            ["FEDMD_CONFIG"] = "/not/a/configuration/key.json",
        });

        Assert.Equal("/srv/www/metadata", options.Publish.Directory);
        Assert.Equal(3, options.Feeds.Count);
        Assert.Equal("sps.xml", options.Feeds[2].FileName);
        Assert.Equal(["SPSSODescriptor"], options.Feeds[2].Roles!);
    }
}
