using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Sources;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport;
using Fedmd.Tests.Aggregator.Support;
using Xunit.Abstractions;

namespace Fedmd.Tests.Aggregator.Sources;

/// <summary>
/// A real federation's aggregate as a remote source: SWITCH's AAI test federation (296 entities, default namespace on
/// the root), given a near validUntil, signed with a test key, served and imported. Every entity must be judged on its
/// own, none may break a stage. (This old test federation has no technical contacts, so the rules reject its
/// entities: the outcome per entity is the point, not the count accepted.)
/// </summary>
public sealed class SharedCorpusImportTests(ITestOutputHelper output) : SourceTest
{
    [SharedCorpusFact]
    public async Task A_real_aggregate_is_imported_entity_by_entity_without_a_stage_failure()
    {
        var now = DateTimeOffset.UtcNow;
        var validUntil = now.AddDays(5);
        var aggregate = File.ReadAllText(SharedCorpus.File("pysaml2/remote_data/metadata.aaitest.xml"))
            .Replace("validUntil=\"3001-01-01T00:00:00Z\"", $"validUntil=\"{XsDateTime.Format(validUntil)}\"", StringComparison.Ordinal);
        Serve(aggregate);

        var import = await ImportAsync();
        var outcome = new Aggregation(
                TestPipelines.Origins(),
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
        Assert.Equal(SourceState.Fetched, import.Status.State);
        Assert.Equal(296, import.Items.Count);
        Assert.All(import.Items, i => Assert.NotNull(i.Summary));
        Assert.DoesNotContain(import.Items.SelectMany(i => i.Messages), m => m.RuleId == EntityPipeline.StageFailureRule);
        Assert.Equal(296, outcome.Report.Entities.Count);
        Assert.All(outcome.Report.Entities, e => Assert.Equal($"source home: {e.EntityId}", e.Source));

        // Split with the root's default namespace and prefixes in scope, every entity is schema-valid as it stood.
        Assert.DoesNotContain(import.Items.SelectMany(i => i.Messages), m => m.RuleId is SchemaValidation.Rule or XsiTypePrefixCheck.Rule);
        Assert.All(outcome.Result.Accepted, i => Assert.True(i.Summary!.ValidUntil <= validUntil));
    }
}
