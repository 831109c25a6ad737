using System.Globalization;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Runs;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport;
using Xunit.Abstractions;

namespace Fedmd.Tests.Aggregator.Corpus;

/// <summary>
/// The real-world corpus, split into one file per entity, through the whole pipeline: nothing may crash (no
/// <c>pipeline.stage-failure</c>), every file is judged, and the rules that fire are printed for docs/validation.md.
/// </summary>
public class SharedCorpusTests(ITestOutputHelper output)
{
    [SharedCorpusFact]
    public void Every_real_entity_is_judged_without_a_crash()
    {
        using var registry = new TemporaryDirectory();
        var files = CorpusSplitter.Split(SharedCorpus.Root, registry.Path);
        var aggregation = new Aggregation(
            TestPipelines.Origins(),
            new FeedPlanner(
                [
                    new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All),
                    new FeedDefinition("https://fedmd.example.ac.za/idps", "idps.xml", new FeedSelection(new HashSet<string> { "IDPSSODescriptor" }, [], new HashSet<Fedmd.Metadata.Values.EntityId>())),
                ],
                new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za")),
            [new EmptyFeedGuard()]);

        var outcome = aggregation.Run("check", registry.Path, new RegistryDirectory(registry.Path, SafeXmlLoader.DefaultMaxBytes).ReadItems(), TestPipelines.Context());

        Assert.Equal(files, outcome.Report.Entities.Count);
        Assert.DoesNotContain(outcome.Report.Entities.SelectMany(e => e.Findings), f => f.Rule == Fedmd.Aggregator.Pipeline.EntityPipeline.StageFailureRule);
        Assert.NotEmpty(outcome.Result.Accepted);
        Assert.NotEmpty(outcome.Result.Rejected);
        Assert.All(outcome.Feeds, f => Assert.NotEmpty(f.Entities));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files} files: {outcome.Report.Totals.Accepted} accepted ({outcome.Report.Totals.Warned} with warnings), {outcome.Report.Totals.Rejected} rejected"));
        foreach (var rule in outcome.Report.Entities
                     .SelectMany(e => e.Findings.Select(f => (f.Rule, f.Severity, e.Source, f.Message)))
                     .GroupBy(x => (x.Rule, x.Severity))
                     .OrderBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            var examples = rule.Select(x => Path.GetFileName(x.Source)).Distinct().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rule.Key.Rule} | {rule.Key.Severity} | {examples.Count} | {string.Join(", ", examples.Take(4))} | {rule.First().Message} |"));
        }
    }
}
