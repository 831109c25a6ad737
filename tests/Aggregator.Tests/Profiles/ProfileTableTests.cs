using System.Reflection;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Profiles;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.TestSupport;
using static Fedmd.Aggregator.Profiles.ProfileSeverity;

namespace Fedmd.Tests.Aggregator.Profiles;

/// <summary>Each rule's profile and severity, as issue 10 lists them, and the table's completeness.</summary>
public sealed class ProfileTableTests
{
    /// <summary>The issue's profiles: rule id, registration, import.</summary>
    public static TheoryData<string, ProfileSeverity, ProfileSeverity> Expected => new()
    {
        { "xml.read", Error, Error },
        { "xml.size", Error, Error },
        { "xml.well-formed", Error, Error },
        { "xml.dtd", Error, Error },
        { "xml.encoding", Error, Error },
        { "xml.root", Error, Error },
        { "schema.valid", Error, Error },
        { "namespace.xsi-type-prefix", Error, Error },
        { "namespace.allow-list", Warning, Off },
        { "transform.namespace-stripped", Off, Warning },
        { "entityid.syntax", Error, Error },
        { "entityid.unique", Error, Error },
        { "source.shadowed", Off, Error },
        { "registry.symlink", Error, Off },
        { "registry.not-a-file", Error, Off },
        { "entity.structure", Error, Error },
        { "entityid.invisible", Error, Error },
        { "entityid.host-case", Error, Warning },
        { "entityid.mixed-script", Error, Warning },
        { "entityid.near-duplicate", Error, Warning },
        { "entity.assembly", Error, Error },
        { "entity.expired", Off, Error },
        { "transform.mailto-added", Off, Warning },
        { "transform.logo-removed", Off, Warning },
        { "transform.whitespace-trimmed", Off, Warning },
        { "endpoint.https", Error, Error },
        { "endpoint.index-unique", Off, Error },
        { "key.certificate-parses", Error, Error },
        { "key.insecure", Off, Error },
        { "key.strength", Error, Warning },
        { "key.rsa-exponent", Error, Error },
        { "key.expiry", Warning, Warning },
        { "key.single", Error, Warning },
        { "key.usable", Off, Error },
        { "idp.signing-key", Off, Error },
        { "idp.scope-present", Error, Warning },
        { "idp.scope-syntax", Error, Warning },
        { "idp.scope-regexp", Off, Error },
        { "mdui.idp-names", Error, Warning },
        { "mdui.logo", Error, Off },
        { "contact.technical", Error, Warning },
        { "contact.sirtfi-security", Error, Warning },
        { "entity.registration-info", Off, Error },
        { "text.carriage-return", Error, Error },
        { "text.lang-empty", Error, Error },
        { "text.lang-duplicate", Error, Error },
        { "text.name-whitespace", Warning, Off },
        { "transform.signature-removed", Warning, Warning },
        { "transform.validity-removed", Warning, Off },
        { "transform.registration-info-removed", Warning, Off },
        { "pipeline.stage-failure", Error, Error },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_rule_has_its_severity_in_each_profile(string ruleId, ProfileSeverity registration, ProfileSeverity import)
    {
        Assert.Equal(registration, RuleProfile.Registration.SeverityOf(ruleId));
        Assert.Equal(import, RuleProfile.Import.SeverityOf(ruleId));
    }

    [Fact]
    public void The_table_holds_exactly_the_listed_rules_once_each()
    {
        var expected = Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, ProfileTable.Rows.Select(r => r.RuleId).Order(StringComparer.Ordinal).ToList());
        Assert.All(ProfileTable.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public void Every_rule_id_the_aggregator_declares_is_in_the_table()
    {
        // Rule ids are the public string constants named Id, Rule or ...Rule of the aggregator's types.
        var declared = typeof(StandardPipeline).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && (f.Name is "Id" or "Rule" || f.Name.EndsWith("Rule", StringComparison.Ordinal)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, id => Assert.NotNull(ProfileTable.Find(id)));
        Assert.All(StandardPipeline.Rules(new RuleOptions()), r => Assert.NotNull(ProfileTable.Find(r.RuleId)));
    }

    [Fact]
    public void The_documented_profile_table_says_what_the_code_does()
    {
        var documentation = File.ReadAllText(RepositoryRoot.Combine("docs", "validation.md"));

        Assert.All(ProfileTable.Rows, r => Assert.Contains(
            $"| `{r.RuleId}` | {ProfileSeverities.Name(r.Registration)} | {ProfileSeverities.Name(r.Import)} | {(r.IsFixed ? "no" : r.WarnsOnly ? "to warning or off" : "yes")} | {r.Reason} |",
            documentation,
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("key.strength", "error", null)]
    [InlineData("contact.technical", "off", null)]
    [InlineData("key.strenght", "error", "'key.strenght' is not a rule id")]
    [InlineData("key.strength", "fatal", "'fatal' is not a severity")]
    [InlineData("schema.valid", "warning", "rule schema.valid cannot be changed")]
    [InlineData("source.shadowed", "off", "rule source.shadowed cannot be changed")]
    [InlineData("transform.registration-info-removed", "warning", "cannot be changed")]
    [InlineData("transform.mailto-added", "error", "only reports")]
    [InlineData("transform.mailto-added", "off", null)]
    public void A_source_may_change_a_rule_only_to_a_known_severity_it_can_have(string ruleId, string severity, string? problem)
    {
        var found = ProfileTable.OverrideProblem(ruleId, severity);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_profile_keeps_errors_at_error_makes_them_warnings_at_warning_and_drops_them_when_off()
    {
        var error = new ItemMessage(KeyStrengthRule.Id, Severity.Error, "an RSA key of 1024 bits");
        var tightened = RuleProfile.Import.With(new Dictionary<string, ProfileSeverity> { [KeyStrengthRule.Id] = Error });
        var loosened = RuleProfile.Registration.With(new Dictionary<string, ProfileSeverity> { [KeyStrengthRule.Id] = Off });

        Assert.Equal(error, RuleProfile.Registration.Weigh(error));
        Assert.Equal(Severity.Warning, RuleProfile.Import.Weigh(error)!.Severity);
        Assert.Equal(error, tightened.Weigh(error));
        Assert.Null(loosened.Weigh(error));
        Assert.False(loosened.IsOn(KeyStrengthRule.Id));
    }

    [Fact]
    public void A_rule_only_reporting_stays_a_warning_at_error()
    {
        var headsUp = new ItemMessage(CertificateExpiryRule.Id, Severity.Warning, "expires within 30 days");
        var expiredIsError = RuleProfile.Registration.With(new Dictionary<string, ProfileSeverity> { [CertificateExpiryRule.Id] = Error });

        Assert.Equal(headsUp, expiredIsError.Weigh(headsUp));
        Assert.Equal(Severity.Warning, RuleProfile.Registration.Weigh(headsUp with { Severity = Severity.Error })!.Severity);
        Assert.Equal(Severity.Error, expiredIsError.Weigh(headsUp with { Severity = Severity.Error })!.Severity);
    }

    [Fact]
    public void An_unknown_rule_or_a_fixed_one_cannot_be_changed_in_a_profile()
    {
        Assert.Throws<ArgumentException>(() => RuleProfile.Import.With(new Dictionary<string, ProfileSeverity> { ["no.such-rule"] = Off }));
        Assert.Throws<ArgumentException>(() => RuleProfile.Import.With(new Dictionary<string, ProfileSeverity> { [EntityPipeline.StageFailureRule] = Warning }));
    }
}
