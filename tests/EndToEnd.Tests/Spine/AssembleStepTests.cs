using System.Text;
using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Metadata.Xml;
using Fedmd.Pass.Steps;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>An entity whose bytes the aggregate writer cannot copy costs that entity in every feed and the report, never a feed.</summary>
public sealed class AssembleStepTests
{
    private const string Wiki = "https://wiki.research.example.ac.za/shibboleth";

    [Fact]
    public async Task An_entity_the_writer_cannot_copy_is_left_out_of_every_feed_and_reported_rejected()
    {
        var aggregation = SampleAggregation.For(
            new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All),
            new FeedDefinition("https://fedmd.example.ac.za/copy", "copy.xml", FeedSelection.All));
        var samples = RepositoryRoot.Combine("metadata-samples");
        var context = PassContext.At(DateTimeOffset.UtcNow);
        var outcome = aggregation.Run("run", samples, new RegistryDirectory(samples, SafeXmlLoader.DefaultMaxBytes).ReadItems(), context);
        var broken = outcome.Result.Accepted.Single(i => i.Summary!.EntityId == Wiki);
        broken.Update(Encoding.UTF8.GetBytes("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"), broken.Summary!);

        using var work = new TemporaryDirectory();
        var assembled = await new AssembleStep(SafeXmlLoader.DefaultMaxBytes).RunAsync(outcome, context with { WorkDirectory = work.Path }, CancellationToken.None);

        Assert.Equal(2, assembled.Feeds.Count);
        foreach (var feed in assembled.Feeds)
        {
            var published = new SafeXmlLoader(SafeXmlLoader.DefaultMaxBytes).Load(File.ReadAllBytes(feed.UnsignedPath)).GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata).OfType<System.Xml.XmlElement>()
                .Select(e => e.GetAttribute("entityID")).ToList();
            Assert.Equal(outcome.Feeds[0].Entities.Count - 1, published.Count);
            Assert.DoesNotContain(Wiki, published);
            Assert.DoesNotContain(feed.Plan.Entities, e => e.Summary!.EntityId == Wiki);
        }

        Assert.Contains(broken.Messages, m => m.RuleId == EntityCopy.Rule && m.Severity == Severity.Error);
        var reported = assembled.Aggregation.Report.Entities.Single(e => e.EntityId == Wiki);
        Assert.Equal("rejected", reported.Status);
        Assert.Equal(outcome.Report.Totals.Rejected + 1, assembled.Aggregation.Report.Totals.Rejected);
        Assert.All(assembled.Aggregation.Report.Feeds, f => Assert.Equal(outcome.Feeds[0].Entities.Count - 1, f.EntityCount));
    }
}
