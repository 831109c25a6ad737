using Fedmd.Aggregator.Feeds;
using Fedmd.Metadata.Values;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Feeds;

public class FeedPlannerTests
{
    private static readonly DateTimeOffset Now = TestPipelines.Now;
    private static readonly AggregateShape Safire = new(TimeSpan.FromDays(10), XsDuration.Parse("PT6H"), "https://safire.ac.za");

    private static readonly FeedDefinition[] TwoFeeds =
    [
        new("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All),
        new("https://fedmd.example.ac.za/proxies", "idp-proxies.xml", new FeedSelection(new HashSet<string>(), [Summaries.ProxyCategory], new HashSet<Fedmd.Metadata.Values.EntityId>())),
    ];

    [Fact]
    public void Each_feed_gets_its_own_entities_in_entity_id_order_and_its_own_header()
    {
        var accepted = new[] { Summaries.Item("https://z.example.ac.za"), Summaries.Item("https://hub.example.ac.za", attribute: Summaries.ProxyCategory), Summaries.Item("https://a.example.ac.za") };

        var plans = new FeedPlanner(TwoFeeds, Safire).Plan(accepted, Now);

        Assert.Equal(["https://a.example.ac.za", "https://hub.example.ac.za", "https://z.example.ac.za"], plans[0].Entities.Select(e => e.Summary!.EntityId));
        Assert.Equal(["https://hub.example.ac.za"], plans[1].Entities.Select(e => e.Summary!.EntityId));
        Assert.Equal("https://fedmd.example.ac.za/proxies", plans[1].Header.Name);
        Assert.NotEqual(plans[0].Header.Id, plans[1].Header.Id);
        Assert.All(plans, p => Assert.Equal("PT6H", p.Header.CacheDuration.Text));
        Assert.All(plans, p => Assert.Equal(Now, p.Header.CreationInstant));
    }

    [Fact]
    public void Valid_until_is_ten_days_unless_a_source_expires_earlier()
    {
        var early = Now.AddDays(3);
        var accepted = new[] { Summaries.Item("https://a.example.ac.za"), Summaries.Item("https://hub.example.ac.za", attribute: Summaries.ProxyCategory, validUntil: early) };

        var plans = new FeedPlanner(TwoFeeds, Safire).Plan(accepted, Now);

        Assert.Equal(early, plans[0].Header.ValidUntil);
        Assert.Equal(early, plans[1].Header.ValidUntil);
        Assert.Equal(Now.AddDays(10), new FeedPlanner(TwoFeeds, Safire).Plan([Summaries.Item("https://a.example.ac.za")], Now)[0].Header.ValidUntil);
    }
}
