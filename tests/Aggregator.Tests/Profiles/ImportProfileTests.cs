using System.Text;
using System.Text.RegularExpressions;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Profiles;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Transforms;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Profiles;

/// <summary>
/// The same entity through the registry's pipeline and the import pipeline: what registration policy rejects, an
/// import reports; what is unsafe, both reject; what is safely repairable, the import repairs in the published bytes.
/// </summary>
public sealed partial class ImportProfileTests
{
    private const string Authority = "https://home.example.org";
    private static readonly Lazy<OriginPipelines> Pipelines = new(TestPipelines.Origins);

    // A registration-valid sample as another federation registered it.
    private static string Entity(Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(Samples.Good("idp-nrc.xml"));
        var registered = ReplaceFirst(text, "<md:Extensions>", $"<md:Extensions><mdrpi:RegistrationInfo xmlns:mdrpi=\"urn:oasis:names:tc:SAML:metadata:rpi\" registrationAuthority=\"{Authority}\"/>");
        return (edit ?? (t => t))(registered);
    }

    private static EntityItem Run(EntityPipeline pipeline, string xml)
    {
        var item = TestPipelines.Item(xml);
        pipeline.Run([item], TestPipelines.Context());
        return item;
    }

    private static EntityItem Imported(string xml) => Run(Pipelines.Value.Imported, xml);

    private static EntityItem Registered(string xml) => Run(Pipelines.Value.Registry, xml);

    // The registry's rule ids, without the removal of the other federation's RegistrationInfo every such entity draws.
    private static IEnumerable<string> RegisteredRules(string xml) =>
        Registered(xml).Messages.Select(m => m.RuleId).Where(r => r != RegistrationInfoStripping.Rule);

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    private static string WithSigningCertificate(string text, string base64) =>
        Certificate().Replace(text, $"<ds:X509Certificate>{base64}</ds:X509Certificate>", 1);

    private static string Published(EntityItem item) => Encoding.UTF8.GetString(item.Bytes);

    [GeneratedRegex("<ds:X509Certificate>[^<]*</ds:X509Certificate>")]
    private static partial Regex Certificate();

    [Fact]
    public void A_sample_registered_elsewhere_is_imported_without_a_finding()
    {
        Assert.Empty(Imported(Entity()).Messages);
    }

    [Fact]
    public void Registration_policy_rejects_what_an_import_only_reports()
    {
        var xml = Entity(t => t
            .Replace("<md:ContactPerson contactType=\"technical\">", "<md:ContactPerson contactType=\"administrative\">", StringComparison.Ordinal)
            .Replace("<shibmd:Scope regexp=\"false\">nrc.example.ac.za</shibmd:Scope>", string.Empty, StringComparison.Ordinal)
            .Replace("<mdui:DisplayName xml:lang=\"en\">Karoo Research Council</mdui:DisplayName>", string.Empty, StringComparison.Ordinal));

        var registered = Registered(xml);
        var imported = Imported(xml);

        Assert.True(registered.HasErrors);
        Assert.False(imported.HasErrors);
        foreach (var rule in new[] { TechnicalContactRule.Id, ScopePresentRule.Id, IdentityProviderUiRule.Id })
        {
            Assert.Contains(registered.Messages, m => m.RuleId == rule && m.Severity == Severity.Error);
            Assert.Contains(imported.Messages, m => m.RuleId == rule && m.Severity == Severity.Warning);
        }
    }

    [Fact]
    public void A_1024_bit_key_is_a_warning_for_an_import_and_a_512_bit_key_an_error()
    {
        var rsa1024 = Imported(Entity(t => WithSigningCertificate(t, Keys.Rsa(1024))));
        var rsa512 = Imported(Entity(t => WithSigningCertificate(t, Keys.Rsa(512))));

        Assert.False(rsa1024.HasErrors);
        Assert.Contains(rsa1024.Messages, m => m.RuleId == KeyStrengthRule.Id && m.Severity == Severity.Warning);
        Assert.DoesNotContain(rsa1024.Messages, m => m.RuleId == KeyInsecureRule.Id);
        Assert.Contains(rsa512.Messages, m => m.RuleId == KeyInsecureRule.Id && m.Severity == Severity.Error);
        Assert.DoesNotContain(Registered(Entity(t => WithSigningCertificate(t, Keys.Rsa(512)))).Messages, m => m.RuleId == KeyInsecureRule.Id);
    }

    [Fact]
    public void A_source_that_tightens_key_strength_rejects_the_1024_bit_key()
    {
        var tightened = RuleProfile.Import.With(new Dictionary<string, ProfileSeverity> { [KeyStrengthRule.Id] = ProfileSeverity.Error });
        var pipelines = StandardPipeline.CreateForOrigins(TestPipelines.Settings() with { SourceProfiles = new Dictionary<string, RuleProfile> { ["strict"] = tightened } });

        var item = Run(pipelines.ForSource("strict"), Entity(t => WithSigningCertificate(t, Keys.Rsa(1024))));

        Assert.Contains(item.Messages, m => m.RuleId == KeyStrengthRule.Id && m.Severity == Severity.Error);
        Assert.Same(pipelines.Imported, pipelines.ForSource("other"));
    }

    [Fact]
    public void Unsafe_content_is_an_error_in_both_profiles()
    {
        var xml = Entity(t => t.Replace("Location=\"https://idp.nrc.example.ac.za/idp/profile/SAML2/POST/SSO\"", "Location=\"http://idp.nrc.example.ac.za/idp/profile/SAML2/POST/SSO\"", StringComparison.Ordinal));

        Assert.Contains(Imported(xml).Messages, m => m.RuleId == EndpointHttpsRule.Id && m.Severity == Severity.Error);
        Assert.Contains(Registered(xml).Messages, m => m.RuleId == EndpointHttpsRule.Id && m.Severity == Severity.Error);
    }

    [Fact]
    public void An_import_without_RegistrationInfo_is_rejected_and_a_registry_entity_never_is_for_it()
    {
        var xml = File.ReadAllText(Samples.Good("idp-nrc.xml"));

        Assert.Contains(Imported(xml).Messages, m => m.RuleId == RegistrationInfoPresentRule.Id && m.Severity == Severity.Error);
        Assert.DoesNotContain(Registered(xml).Messages, m => m.Severity == Severity.Error);
    }

    [Fact]
    public void A_bare_contact_address_gets_its_mailto_prefix_in_the_published_bytes()
    {
        var item = Imported(Entity(t => t.Replace("mailto:rc-identity@", "rc-identity@", StringComparison.Ordinal)));

        Assert.False(item.HasErrors);
        Assert.Contains(item.Messages, m => m.RuleId == MailtoRepair.Rule && m.Severity == Severity.Warning);
        Assert.DoesNotContain(item.Messages, m => m.RuleId == TechnicalContactRule.Id);
        Assert.Contains("<md:EmailAddress>mailto:rc-identity@nrc.example.ac.za</md:EmailAddress>", Published(item), StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_logo_is_dropped_from_an_import_and_rejected_from_the_registry()
    {
        Func<string, string> http = t => t.Replace("https://www.nrc.example.ac.za/img/nrc-square.png", "http://www.nrc.example.ac.za/img/nrc-square.png", StringComparison.Ordinal);

        var imported = Imported(Entity(http));

        Assert.False(imported.HasErrors);
        Assert.Equal([LogoRepair.Rule], imported.Messages.Select(m => m.RuleId));
        Assert.DoesNotContain("nrc-square.png", Published(imported), StringComparison.Ordinal);
        Assert.Contains(Registered(Entity(http)).Messages, m => m.RuleId == LogoUrlRule.Id && m.Severity == Severity.Error);
    }

    [Fact]
    public void Padded_names_are_trimmed_in_an_import_and_reported_in_the_registry()
    {
        Func<string, string> padded = t => t.Replace(">KRC<", ">  KRC \n<", StringComparison.Ordinal);

        var imported = Imported(Entity(padded));

        Assert.Equal([WhitespaceTrimming.Rule], imported.Messages.Select(m => m.RuleId));
        Assert.Contains("<md:OrganizationDisplayName xml:lang=\"en\">KRC</md:OrganizationDisplayName>", Published(imported), StringComparison.Ordinal);
        Assert.Equal([NameWhitespaceRule.Id], RegisteredRules(Entity(padded)));
    }

    [Fact]
    public void A_namespace_off_the_allow_list_is_stripped_from_an_import()
    {
        Func<string, string> wayf = t => ReplaceFirst(t, "<shibmd:Scope", "<wayf:HideFromWAYF xmlns:wayf=\"http://sdss.ac.uk/2006/06/WAYF\"/><shibmd:Scope");

        var imported = Imported(Entity(wayf));

        Assert.False(imported.HasErrors);
        Assert.Equal([NamespaceStripping.Rule], imported.Messages.Select(m => m.RuleId));
        Assert.DoesNotContain("HideFromWAYF", Published(imported), StringComparison.Ordinal);
        Assert.Equal(["namespace.allow-list"], RegisteredRules(Entity(wayf)));
    }
}
