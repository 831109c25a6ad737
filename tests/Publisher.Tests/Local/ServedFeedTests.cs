using Fedmd.Publisher.Local;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Local;

public sealed class ServedFeedTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestFeeds _feeds = new();

    [Fact]
    public void A_served_feed_inside_its_valid_until_is_carried_byte_for_byte_with_its_header_facts()
    {
        var feed = _feeds.Feed(7);
        File.WriteAllBytes(_directory.Combine("federation-metadata.xml"), feed.Content.ToArray());

        var (carried, notCarried) = ServedFeed.Read(_directory.Path, "federation-metadata.xml", DateTimeOffset.UtcNow);

        Assert.Null(notCarried);
        Assert.Equal(feed.Content.ToArray(), carried!.Content.ToArray());
        Assert.Equal((feed.ValidUntil.ToUnixTimeSeconds(), "PT6H", 1), (carried.ValidUntil.ToUnixTimeSeconds(), carried.CacheDuration.Text, carried.EntityCount));
    }

    [Fact]
    public void A_served_feed_past_its_valid_until_is_withdrawn_and_a_missing_one_is_not_carried()
    {
        File.WriteAllBytes(_directory.Combine("federation-metadata.xml"), _feeds.Feed(7).Content.ToArray());

        var (expired, why) = ServedFeed.Read(_directory.Path, "federation-metadata.xml", DateTimeOffset.UtcNow.AddDays(6));
        var (missing, none) = ServedFeed.Read(_directory.Path, "idp-proxies.xml", DateTimeOffset.UtcNow);

        Assert.Null(expired);
        Assert.Contains("expired at", why, StringComparison.Ordinal);
        Assert.Contains("withdrawn", why, StringComparison.Ordinal);
        Assert.Null(missing);
        Assert.Equal("it has no previous publication", none);
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }
}
