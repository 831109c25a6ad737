using System.Text;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Sources;
using Fedmd.Metadata.Values;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport.Http;

namespace Fedmd.Tests.Aggregator.Sources;

/// <summary>
/// Imported entities in a run: validated like registry entities, keeping their home registration, shadowed by the
/// registry, limiting the feed's validUntil, and only in the feeds that import their source.
/// </summary>
public sealed class SourceAggregationTests : SourceTest
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly DateTimeOffset SourceValidUntil = Now.AddDays(3);
    private static readonly string ForeignIdp = RemoteAggregate.ForeignEntityId("idp-nrc.xml");
    private const string Registered = "https://idp.uni-a.example.ac.za/idp/shibboleth";

    private static readonly FeedDefinition WithSource = new("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All) { Sources = ["home"] };
    private static readonly FeedDefinition RegistryOnly = new("https://fedmd.example.ac.za/local", "local.xml", FeedSelection.All);

    private static AggregationOutcome Aggregate(params SourceImport[] sources) =>
        new Aggregation(
                TestPipelines.Origins(),
                new FeedPlanner([WithSource, RegistryOnly], new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za")),
                [new EmptyFeedGuard(), new UnavailableSourceGuard()])
            .Run("run", Samples.Directory, [new EntityItem(Samples.Good("idp-uni-a.xml"), File.ReadAllBytes(Samples.Good("idp-uni-a.xml")))], TestPipelines.Context(now: Now), sources);

    private async Task<SourceImport> ImportHomeAsync()
    {
        Serve(new RemoteAggregate()
            .Foreign("idp-nrc.xml")
            .Foreign("bad/http-endpoint.xml")
            .Same("idp-uni-a.xml", RemoteAggregate.HomeAuthority)
            .Build(SourceValidUntil));
        return await ImportAsync();
    }

    private static EntityItem Imported(AggregationOutcome outcome, string entityId) =>
        outcome.Result.Items.Single(i => i.Source == $"source home: {entityId}");

    [Fact]
    public async Task An_imported_entity_that_fails_a_rule_is_excluded_with_the_rule_id()
    {
        var outcome = Aggregate(await ImportHomeAsync());

        var broken = Imported(outcome, RemoteAggregate.ForeignEntityId("bad/http-endpoint.xml"));
        Assert.Contains(broken.Messages, m => m.RuleId == EndpointHttpsRule.Id && m.Severity == Severity.Error);
        Assert.DoesNotContain(broken, outcome.Feeds[0].Entities);
        Assert.Contains(outcome.Report.Entities, e => e.Source == broken.Source && e.Status == "rejected");
    }

    [Fact]
    public async Task The_registry_entity_wins_over_an_imported_copy_which_is_reported()
    {
        var outcome = Aggregate(await ImportHomeAsync());

        var registry = outcome.Result.Items.Single(i => i.Source == Samples.Good("idp-uni-a.xml"));
        var copy = Imported(outcome, Registered);
        Assert.False(registry.HasErrors);
        Assert.Contains(registry, outcome.Feeds[0].Entities);
        Assert.Equal(SourcePrecedence.Rule, Assert.Single(copy.Messages, m => m.Severity == Severity.Error).RuleId);
        Assert.Single(outcome.Feeds[0].Entities, e => e.Summary!.EntityId == Registered);
    }

    [Fact]
    public async Task Of_two_sources_holding_the_same_entityID_the_first_configured_wins()
    {
        var first = await ImportHomeAsync();
        var again = new SourceImport(
            first.Status with { Name = "partner" },
            [new EntityItem($"source partner: {ForeignIdp}", first.Items.Single(i => i.Source.EndsWith(ForeignIdp, StringComparison.Ordinal)).Bytes)],
            []);

        var outcome = Aggregate(first, again);

        Assert.False(Imported(outcome, ForeignIdp).HasErrors);
        var shadowed = Assert.Single(again.Items);
        Assert.Equal(SourcePrecedence.Rule, Assert.Single(shadowed.Messages, m => m.Severity == Severity.Error).RuleId);
        Assert.Contains("source home", shadowed.Messages[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imported_entities_keep_their_home_registration_and_registry_entities_get_ours()
    {
        var outcome = Aggregate(await ImportHomeAsync());

        var imported = Encoding.UTF8.GetString(Imported(outcome, ForeignIdp).Bytes);
        var registry = Encoding.UTF8.GetString(outcome.Result.Items.Single(i => i.Source == Samples.Good("idp-uni-a.xml")).Bytes);
        Assert.Contains($"registrationAuthority=\"{RemoteAggregate.HomeAuthority}\"", imported, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPipelines.Registration.Authority, imported, StringComparison.Ordinal);
        Assert.Contains($"registrationAuthority=\"{TestPipelines.Registration.Authority}\"", registry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_validUntil_never_passes_the_source_validUntil_and_only_importing_feeds_carry_its_entities()
    {
        var outcome = Aggregate(await ImportHomeAsync());

        var withSource = outcome.Feeds[0];
        var registryOnly = outcome.Feeds[1];
        Assert.Equal(SourceValidUntil.ToUnixTimeSeconds(), withSource.Header.ValidUntil.ToUnixTimeSeconds());
        Assert.Equal(Now.AddDays(10), registryOnly.Header.ValidUntil);
        Assert.Equal([ForeignIdp, Registered], withSource.Entities.Select(e => e.Summary!.EntityId).Order(StringComparer.Ordinal));
        Assert.Equal([Registered], registryOnly.Entities.Select(e => e.Summary!.EntityId));
    }

    [Fact]
    public async Task The_report_names_each_source_with_its_state_and_counts()
    {
        var outcome = Aggregate(await ImportHomeAsync());

        var source = Assert.Single(outcome.Report.Sources);
        Assert.Equal(("home", Server.FeedUrl.ToString(), "fetched", 3), (source.Name, source.Url, source.State, source.Imported));
        Assert.Equal(SourceValidUntil.ToUnixTimeSeconds(), source.ValidUntil!.Value.ToUnixTimeSeconds());
        Assert.Null(source.Failure);
        Assert.Contains("Source home (" + Server.FeedUrl + "): fetched", ReportText.Render(outcome.Report), StringComparison.Ordinal);
        Assert.Empty(outcome.Report.Refusals);
    }

    [Fact]
    public async Task A_feed_importing_an_unavailable_source_is_refused_while_other_feeds_are_not_blamed()
    {
        Server.Serve(new FeedResponse([], "\"down\"", 500));

        var outcome = Aggregate(await ImportAsync());

        var refusal = Assert.Single(outcome.Report.Refusals);
        Assert.StartsWith("feed federation-metadata.xml imports source home", refusal, StringComparison.Ordinal);
        Assert.Contains("no usable copy", refusal, StringComparison.Ordinal);
        Assert.Contains("Source home (" + Server.FeedUrl + "): unavailable", ReportText.Render(outcome.Report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_entity_past_its_own_validUntil_is_dropped_alone_and_reported_with_its_source()
    {
        var expired = RemoteAggregate.ForeignEntityId("sp-wiki.xml");
        Serve(new RemoteAggregate()
            .Foreign("idp-nrc.xml")
            .Foreign("sp-wiki.xml", edit: e => e.Replace("<md:EntityDescriptor ", $"<md:EntityDescriptor validUntil=\"{XsDateTime.Format(Now.AddHours(-1))}\" ", StringComparison.Ordinal))
            .Build(SourceValidUntil));

        var outcome = AggregateGuarded(await ImportAsync());

        Assert.Empty(outcome.Report.Refusals);
        var dropped = Imported(outcome, expired);
        Assert.Equal(SourceImporter.ExpiredEntityRule, Assert.Single(dropped.Messages, m => m.Severity == Severity.Error).RuleId);
        Assert.DoesNotContain(outcome.Feeds[0].Entities, e => e.Summary!.EntityId == expired);
        Assert.Contains(outcome.Feeds[0].Entities, e => e.Summary!.EntityId == ForeignIdp);
        var text = ReportText.Render(outcome.Report);
        Assert.Contains($"source home: {expired}", text, StringComparison.Ordinal);
        Assert.Contains(SourceImporter.ExpiredEntityRule, text, StringComparison.Ordinal);
        Assert.DoesNotContain("ask the participant", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_whose_own_validUntil_passed_still_refuses_the_feeds_importing_it()
    {
        Serve(new RemoteAggregate().Foreign("idp-nrc.xml").Foreign("sp-wiki.xml").Build(SourceValidUntil));
        var import = await ImportAsync();

        // The pass's clock moved past the source's validUntil after the fetch verified it.
        var outcome = AggregateGuarded(import, SourceValidUntil.AddMinutes(1));

        var refusal = Assert.Single(outcome.Report.Refusals);
        Assert.StartsWith("feed federation-metadata.xml includes source home", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("ask the participant", refusal, StringComparison.Ordinal);
    }

    private static AggregationOutcome AggregateGuarded(SourceImport source, DateTimeOffset? now = null) =>
        new Aggregation(
                TestPipelines.Origins(),
                new FeedPlanner([WithSource, RegistryOnly], new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za")),
                [new EmptyFeedGuard(), new UnavailableSourceGuard(), new ExpiredSourceGuard()])
            .Run("run", Samples.Directory, [new EntityItem(Samples.Good("idp-uni-a.xml"), File.ReadAllBytes(Samples.Good("idp-uni-a.xml")))], TestPipelines.Context(now: now ?? Now), [source]);
}
