using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Tests.EndToEnd.Support;

/// <summary>The standard pipeline with default settings, planning <c>feeds</c>: what a pass judges metadata-samples/ with.</summary>
internal static class SampleAggregation
{
    public static Aggregation For(params FeedDefinition[] feeds)
    {
        var settings = new PipelineSettings(SafeXmlLoader.DefaultMaxBytes, MetadataSchemas.DefaultDirectories, MetadataSchemas.DefaultNamespaces,
            DefaultNamespaces.Allowed.ToHashSet(StringComparer.Ordinal), new RuleOptions(), false,
            new RegistrationPolicy("https://fedmd.example.ac.za", "https://fedmd.example.ac.za/policy"));
        return new Aggregation(StandardPipeline.CreateForOrigins(settings),
            new FeedPlanner(feeds, new AggregateShape(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za")),
            [new EmptyFeedGuard()]);
    }
}
