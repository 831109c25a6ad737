using System.Xml;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Profiles;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Sources;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport;
using Xunit.Abstractions;

namespace Fedmd.Tests.Aggregator.Sources;

/// <summary>
/// Real federations' aggregates as a remote source: each given a near validUntil, its own signature removed, signed
/// with a test key, served on 127.0.0.1 and imported with the import profile. Every entity is judged on its own, none
/// breaks a stage, every usable entity is kept, and exactly the unsafe ones are dropped, each with its rule ids
/// (checked by hand against the files). These are single federations' own feeds, which carry no
/// mdrpi:RegistrationInfo (their signature says who registered them), so the source turns
/// entity.registration-info off, as an operator importing such a feed would.
/// </summary>
public sealed class SharedCorpusImportTests(ITestOutputHelper output) : SourceTest
{
    private static readonly RuleProfile OwnFeedProfile =
        RuleProfile.Import.With(new Dictionary<string, ProfileSeverity> { ["entity.registration-info"] = ProfileSeverity.Off });

    private static string Prepared(string path, DateTimeOffset validUntil)
    {
        var document = new SafeXmlLoader(64L * 1024 * 1024).LoadFile(SharedCorpus.File(path));
        var root = document.DocumentElement!;
        foreach (var signature in root.ChildNodes.OfType<XmlElement>().Where(e => e is { LocalName: "Signature", NamespaceURI: SamlNamespaces.DSig }).ToList())
        {
            root.RemoveChild(signature);
        }

        root.SetAttribute("validUntil", XsDateTime.Format(validUntil));
        if (!root.HasAttribute("ID"))
        {
            root.SetAttribute("ID", "_corpus");
        }

        return document.OuterXml;
    }

    private async Task<(SourceImport Import, AggregationOutcome Outcome)> ImportAsync(string path, DateTimeOffset now)
    {
        Serve(Prepared(path, now.AddDays(5)));
        var import = await ImportAsync();
        var pipelines = StandardPipeline.CreateForOrigins(TestPipelines.Settings() with { SourceProfiles = new Dictionary<string, RuleProfile> { ["home"] = OwnFeedProfile } });
        var outcome = new Aggregation(
                pipelines,
                new FeedPlanner(
                    [new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All) { Sources = ["home"] }],
                    new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za")),
                [])
            .Run("run", Samples.Directory, [], TestPipelines.Context(now: now), [import]);
        foreach (var rule in import.Items.SelectMany(i => i.Messages).GroupBy(m => (m.RuleId, m.Severity)).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal))
        {
            output.WriteLine($"{rule.Key.RuleId} ({rule.Key.Severity}): {rule.Count()}");
        }

        output.WriteLine($"accepted {outcome.Result.Accepted.Count} of {outcome.Result.Items.Count}");
        foreach (var item in outcome.Result.Rejected)
        {
            output.WriteLine($"DROPPED {item.DisplayName}: {string.Join(" | ", item.Messages.Where(m => m.Severity == Severity.Error))}");
        }

        return (import, outcome);
    }

    // Each dropped entityID with the ids of the rules that dropped it (both copies of a duplicate together).
    private static Dictionary<string, string> Dropped(AggregationOutcome outcome) => outcome.Result.Rejected
        .GroupBy(i => i.Summary!.EntityId, StringComparer.Ordinal)
        .ToDictionary(
            g => g.Key,
            g => string.Join(" ", g.SelectMany(i => i.Messages).Where(m => m.Severity == Severity.Error).Select(m => m.RuleId).Distinct().Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);

    [SharedCorpusTheory]
    [InlineData("pysaml2/remote_data/metadata.aaitest.xml", 296)]
    [InlineData("pysaml2/urn-mace-swami.se-swamid-test-1.0-metadata.xml", 58)]
    [InlineData("java-opensaml/InCommon-metadata.xml", 31)]
    public async Task A_real_aggregate_keeps_every_usable_entity_and_drops_exactly_the_unsafe_ones(string path, int entities)
    {
        var now = DateTimeOffset.UtcNow;

        var (import, outcome) = await ImportAsync(path, now);

        Assert.Equal(SourceState.Fetched, import.Status.State);
        Assert.Equal(entities, import.Items.Count);
        Assert.All(import.Items, i => Assert.NotNull(i.Summary));
        Assert.DoesNotContain(import.Items.SelectMany(i => i.Messages), m => m.RuleId == EntityPipeline.StageFailureRule);
        Assert.All(outcome.Report.Entities, e => Assert.Equal($"source home: {e.EntityId}", e.Source));
        Assert.All(outcome.Result.Accepted, i => Assert.True(i.Summary!.ValidUntil <= now.AddDays(5)));
        Assert.Equal(ExpectedDrops[path], Dropped(outcome));
    }

    private static readonly Dictionary<string, Dictionary<string, string>> ExpectedDrops = new(StringComparer.Ordinal)
    {
        // Eight SPs with plain-http AssertionConsumerService or SingleLogoutService locations (20 Locations in all).
        ["pysaml2/remote_data/metadata.aaitest.xml"] = new(StringComparer.Ordinal)
        {
            ["https://otrs-test.ezq.ch/shibboleth"] = "endpoint.https",
            ["https://svx-uo1151web.unifr.ch/shibboleth"] = "endpoint.https",
            ["http://saml.ps-ui-test.qalab.geant.net"] = "endpoint.https",
            ["https://inilab.pro/shibboleth"] = "endpoint.https",
            ["https://vps463343.ovh.net/shibboleth"] = "endpoint.https",
            ["https://imarkt.sook.ch/shibboleth"] = "endpoint.https",
            ["https://letemps.local/shibboleth"] = "endpoint.https",
            ["http://local-medon.dvbern.ch/auth/realms/MedonDevTest"] = "endpoint.https",
        },
        // A 512-bit RSA key, and an AssertionConsumerService without its required Binding.
        ["pysaml2/urn-mace-swami.se-swamid-test-1.0-metadata.xml"] = new(StringComparer.Ordinal)
        {
            ["https://idp.protectnetwork.org/protectnetwork-idp"] = "key.insecure",
            ["https://www.cambro.umu.se/shibboleth"] = "schema.valid",
        },

        // PKIX-era metadata: KeyDescriptors holding only a ds:KeyName (no key a consumer can use; the IdPs thus no
        // signing key), plain-http SAML 1 shire endpoints, one ACS index used twice, cornell.edu listed twice. Only
        // carmenwiki.osu.edu carries certificates.
        ["java-opensaml/InCommon-metadata.xml"] = new(StringComparer.Ordinal)
        {
            ["urn:mace:incommon:internet2.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:dartmouth.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:rochester.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:osu.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:uci.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:buffalo.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:washington.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:psu.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:usc.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:ucsd.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:ohio.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:case.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:ucla.edu"] = "idp.signing-key key.usable",
            ["urn:mace:incommon:cornell.edu"] = "entityid.unique idp.signing-key key.usable",
            ["https://sdauth.sciencedirect.com/"] = "key.usable",
            ["https://wiki.it.ohio-state.edu/shibboleth"] = "key.usable",
            ["http://www.sciencedirect.com/"] = "key.usable",
            ["https://shibtest.nac.uci.edu/cgi-bin/printenv"] = "key.usable",
            ["https://share.internet2.edu/shibboleth"] = "key.usable",
            ["https://www.webassign.net/Shibboleth"] = "key.usable",
            ["https://www.e-education.psu.edu/shibboleth"] = "key.usable",
            ["https://angelshibaccept.ais.psu.edu/Shibboleth"] = "key.usable",
            ["https://shib.cms.psu.edu/Shibboleth"] = "key.usable",
            ["https://shib.nacs.uci.edu/cgi-bin/printenv"] = "key.usable",
            ["https://cms.psu.edu/Shibboleth"] = "key.usable",
            ["https://getz.internet2.edu/shibboleth"] = "endpoint.https endpoint.index-unique key.usable",
            ["https://www.internet2.edu/shibboleth"] = "endpoint.https key.usable",
            ["https://shib.dev.oclc.org/shibboleth"] = "endpoint.https key.usable",
            ["https://shib.oclc.org/shibboleth"] = "endpoint.https key.usable",
        },
    };
}
