using System.Text.Json.Nodes;

namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary><c>Sources[].Rules</c>: known rule ids at known severities load; anything else is refused naming the key and the rule.</summary>
public sealed class SourceRulesTests
{
    private static ConfigurationUnderTest WithRules(JsonObject rules) => new(c => c["Sources"] = new JsonArray(new JsonObject
    {
        ["Name"] = "edugain",
        ["Url"] = "https://mds.edugain.org/edugain-v2.xml",
        ["Fingerprints"] = new JsonArray("SHA256:" + new string('a', 64)),
        ["Rules"] = rules,
    }));

    [Fact]
    public void Known_rules_at_known_severities_load()
    {
        using var configuration = WithRules(new JsonObject { ["key.strength"] = "error", ["contact.technical"] = "off" });

        var rules = configuration.Load().Sources[0].Rules;

        Assert.Equal("error", rules["key.strength"]);
        Assert.Equal("off", rules["contact.technical"]);
    }

    [Theory]
    [InlineData("key.strenght", "error", "'key.strenght' is not a rule id")]
    [InlineData("key.strength", "fatal", "'fatal' is not a severity; write error, warning or off")]
    [InlineData("schema.valid", "off", "rule schema.valid cannot be changed")]
    [InlineData("transform.mailto-added", "error", "rule transform.mailto-added only reports")]
    public void An_unknown_rule_or_severity_is_refused_naming_the_key(string ruleId, string severity, string problem)
    {
        using var configuration = WithRules(new JsonObject { [ruleId] = severity });

        var refusal = configuration.Refusal();

        Assert.Contains("Sources[0]:Rules", refusal, StringComparison.Ordinal);
        Assert.Contains(problem, refusal, StringComparison.Ordinal);
    }
}
