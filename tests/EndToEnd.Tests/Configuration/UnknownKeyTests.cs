using System.Text.Json.Nodes;

namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>A key no option binds to is refused, naming it as written and the known key it was most likely meant to be.</summary>
public sealed class UnknownKeyTests
{
    [Fact]
    public void A_misspelt_key_is_refused_with_the_key_it_resembles()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publish"]!["Directroy"] = "out/publish");

        Assert.Equal($"configuration key Publish:Directroy is not known (did you mean Publish:Directory?) (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void A_misspelt_pin_file_is_refused_rather_than_left_unset()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Signing"]!["PinFiel"] = "keys-dev/token.pin");

        Assert.Equal($"configuration key Signing:PinFiel is not known (did you mean Signing:PinFile?) (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void A_misspelt_key_inside_a_feed_names_the_feed_by_its_index()
    {
        // The typo that silently turned the two-entity proxy feed into a feed of every entity.
        using var configuration = new ConfigurationUnderTest(c =>
        {
            var feed = c["Feeds"]![1]!.AsObject();
            var attributes = feed["EntityAttributes"]!;
            feed.Remove("EntityAttributes");
            feed["EntityAttribute"] = attributes;
        });

        Assert.Equal($"configuration key Feeds[1]:EntityAttribute is not known (did you mean Feeds[1]:EntityAttributes?) (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void A_misspelt_section_is_refused_at_the_top_level()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publsh"] = new JsonObject { ["Directory"] = "out/publish" });

        Assert.Equal($"configuration key Publsh is not known (did you mean Publish?) (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void The_retired_rollover_section_is_refused_with_the_command_that_replaces_it()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publish"]!["Rollover"] = new JsonObject { ["SwitchAt"] = "2027-02-01T10:00:00Z" });

        Assert.Equal(
            "configuration key Publish:Rollover is retired: the rollover's state lives in the registry's rollover/metadata-signing-key.json; "
            + $"remove the key and run `fedmd rollover metadata announce --certificate FILE --switch-at DATE` (docs/rollover.md) (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void A_key_like_no_other_lists_the_keys_its_section_takes()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Publish"]!["Colour"] = "blue");

        Assert.Equal(
            $"configuration key Publish:Colour is not known (Publish takes Directory, BaseUrl, HistoryVersions, Mirrors, MirrorRetry) (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void A_misspelt_key_deep_inside_a_source_filter_is_refused()
    {
        using var configuration = new ConfigurationUnderTest(c => c["Sources"] = new JsonArray(new JsonObject
        {
            ["Name"] = "edugain",
            ["Url"] = "https://mds.edugain.org/edugain-v2.xml",
            ["Filters"] = new JsonObject { ["Role"] = new JsonArray("IDPSSODescriptor") },
        }));

        Assert.Equal($"configuration key Sources[0]:Filters:Role is not known (did you mean Sources[0]:Filters:Roles?) (in {configuration.Path})",
            configuration.Refusal());
    }

    [Fact]
    public void A_key_written_twice_is_refused_by_name()
    {
        using var configuration = new ConfigurationUnderTest();
        configuration.Write("""{ "Publish": { "Directory": "a", "directory": "b" } }""");

        Assert.Equal($"configuration key Publish:directory is written twice (in {configuration.Path})", configuration.Refusal());
    }

    [Fact]
    public void Keys_are_matched_ignoring_case_as_the_binder_does()
    {
        using var configuration = new ConfigurationUnderTest(c =>
        {
            var publish = c["Publish"]!.AsObject();
            publish.Remove("Directory");
            publish["directory"] = "elsewhere";
        });

        Assert.EndsWith("/elsewhere", configuration.Load().Publish.Directory, StringComparison.Ordinal);
    }
}
