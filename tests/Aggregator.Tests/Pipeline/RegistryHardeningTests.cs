using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Sources;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Pipeline;

/// <summary>What an attacker or a careless participant sends costs only their own entity, through the whole pipeline.</summary>
public class RegistryHardeningTests
{
    private static List<EntityItem> SamplesAnd(params (string Name, string Xml)[] extra) =>
    [
        .. new RegistryDirectory(Samples.Directory, SafeXmlLoader.DefaultMaxBytes).ReadItems(),
        .. extra.Select(e => TestPipelines.Item(e.Xml, e.Name)),
    ];

    private static void AssertEverySampleAccepted(PipelineResult result)
    {
        var samples = Directory.GetFiles(Samples.Directory, "*.xml").Length;
        Assert.Equal(samples, result.Accepted.Count(i => i.Source.StartsWith(Samples.Directory, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_entity_nested_65_levels_deep_is_rejected_by_its_structure_and_the_samples_are_accepted()
    {
        var deep = HostileEntities.Deep("sp-wiki.xml", 65).Replace(HostileEntities.WikiEntityId, "https://deep.example.ac.za/shibboleth", StringComparison.Ordinal);

        var result = TestPipelines.Standard().Run(SamplesAnd(("deep.xml", deep)), TestPipelines.Context());

        AssertEverySampleAccepted(result);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("deep.xml", rejected.Source);
        Assert.Equal([EntityStructureCheck.Rule], rejected.Messages.Where(m => m.Severity == Severity.Error).Select(m => m.RuleId));
    }

    [Fact]
    public void Each_look_alike_of_a_registered_entity_id_is_rejected_and_the_genuine_entity_is_accepted()
    {
        var lookAlikes = HostileEntities.WikiLookAlikes.Select(l => (l.Key, HostileEntities.WithEntityId("sp-wiki.xml", l.Value))).ToArray();

        var result = TestPipelines.Standard().Run(SamplesAnd(lookAlikes), TestPipelines.Context());

        AssertEverySampleAccepted(result);
        Assert.Equal(HostileEntities.WikiLookAlikes.Keys.Order(StringComparer.Ordinal), result.Rejected.Select(i => i.Source).Order(StringComparer.Ordinal));
        Assert.All(result.Rejected, i => Assert.Contains(NearDuplicateEntityIdCheck.Rule, i.Rules()));
        Assert.Contains(EntityIdMixedScriptCheck.Rule, Rejected(result, "cyrillic-a.xml"));
        Assert.Contains(EntityIdInvisibleCharacterCheck.Rule, Rejected(result, "zero-width-space.xml"));
        Assert.Contains(EntityIdInvisibleCharacterCheck.Rule, Rejected(result, "right-to-left-override.xml"));
        Assert.Contains(EntityIdHostCaseCheck.Rule, Rejected(result, "upper-case-host.xml"));
    }

    [Fact]
    public void Imported_look_alikes_are_warnings_except_invisible_characters_which_stay_errors()
    {
        var aggregation = new Aggregation(
            TestPipelines.Origins(),
            new FeedPlanner([new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All)],
                new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za")),
            [new EmptyFeedGuard()]);
        var imported = HostileEntities.WikiLookAlikes
            .Select(l => TestPipelines.Item(HostileEntities.WithEntityId("sp-wiki.xml", l.Value), l.Key))
            .ToList();
        var source = new SourceImport(new SourceStatus("home", new Uri("https://md.example.org/home.xml"), SourceState.Fetched, null, null), imported, []);

        aggregation.Judge(SamplesAnd(), [source], TestPipelines.Context());

        // Only the look-alike checks are judged here: the import profile has rules of its own (RegistrationInfo, say).
        string[] lookAlikeRules = [EntityIdInvisibleCharacterCheck.Rule, EntityIdHostCaseCheck.Rule, EntityIdMixedScriptCheck.Rule, NearDuplicateEntityIdCheck.Rule];
        var invisible = new[] { "zero-width-space.xml", "right-to-left-override.xml" };
        Assert.Equal(
            invisible.Order(StringComparer.Ordinal),
            imported.Where(i => i.Messages.Any(m => m.Severity == Severity.Error && lookAlikeRules.Contains(m.RuleId))).Select(i => i.Source).Order(StringComparer.Ordinal));
        Assert.All(imported, i => Assert.Contains(i.Messages, m => m.RuleId == NearDuplicateEntityIdCheck.Rule && m.Severity == Severity.Warning));
        Assert.Contains(imported.Single(i => i.Source == "cyrillic-a.xml").Messages, m => m.RuleId == EntityIdMixedScriptCheck.Rule && m.Severity == Severity.Warning);
        Assert.Contains(imported.Single(i => i.Source == "upper-case-host.xml").Messages, m => m.RuleId == EntityIdHostCaseCheck.Rule && m.Severity == Severity.Warning);
    }

    private static IReadOnlyList<string> Rejected(PipelineResult result, string source) => result.Rejected.Single(i => i.Source == source).Rules();
}
