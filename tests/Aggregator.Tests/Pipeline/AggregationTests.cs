using System.Text;
using System.Text.RegularExpressions;
using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Runs;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Pipeline;

public partial class AggregationTests
{
    private static readonly AggregateShape Safire = new(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za");

    private static string Aggregate(DateTimeOffset now, RegistrationLedger ledger)
    {
        var aggregation = new Aggregation(
            TestPipelines.Origins(),
            new FeedPlanner([new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All)], Safire),
            [new EmptyFeedGuard()]);
        var outcome = aggregation.Run("run", Samples.Directory, new RegistryDirectory(Samples.Directory, SafeXmlLoader.DefaultMaxBytes).ReadItems(), TestPipelines.Context(ledger, now));
        using var buffer = new MemoryStream();
        new AggregateWriter(new SafeXmlLoader()).Write(buffer, outcome.Feeds[0].Header, outcome.Feeds[0].Entities);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Two_runs_over_the_same_registry_differ_only_in_timestamps_and_id()
    {
        var ledger = RegistrationLedger.Empty.WithFirstSeen(
            Directory.EnumerateFiles(Samples.Directory, "*.xml").Select(f => Fedmd.Aggregator.Pipeline.EntitySummary.FromDocument(new SafeXmlLoader().LoadFile(f)).EntityId),
            TestPipelines.Now);
        var first = Aggregate(TestPipelines.Now, ledger);
        var second = Aggregate(TestPipelines.Now.AddHours(1), ledger);

        Assert.NotEqual(first, second);
        Assert.Equal(Volatile().Replace(first, "X"), Volatile().Replace(second, "X"));
    }

    [Fact]
    public void The_aggregate_has_the_safire_shape()
    {
        var text = Aggregate(TestPipelines.Now, RegistrationLedger.Empty);
        var root = TestPipelines.Document(text).DocumentElement!;

        Assert.Equal("EntitiesDescriptor", root.LocalName);
        Assert.Matches("^_[0-9a-f]{32}$", root.GetAttribute("ID"));
        Assert.Equal("PT6H", root.GetAttribute("cacheDuration"));
        Assert.Equal("2026-11-11T12:00:00Z", root.GetAttribute("validUntil"));
        var publication = (System.Xml.XmlElement)root.GetElementsByTagName("PublicationInfo", SamlNamespaces.Rpi)[0]!;
        Assert.Equal("https://fedmd.example.ac.za", publication.GetAttribute("publisher"));
        Assert.Equal(14, root.GetElementsByTagName("RegistrationInfo", SamlNamespaces.Rpi).Count);
    }

    // ID="_hex", validUntil, creationInstant: the only values a run may change.
    [GeneratedRegex("(ID=\"_[0-9a-f]{32}\"|validUntil=\"[^\"]+\"|creationInstant=\"[^\"]+\")")]
    private static partial Regex Volatile();
}
