using Fedmd.Publisher.History;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.History;

public sealed class PublicationHistoryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestFeeds _feeds = new();

    private string HistoryDirectory => _directory.Combine("history");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void History_keeps_exactly_N_publications_beside_the_advisories_and_other_directories(int versions)
    {
        var advisories = Path.Combine(HistoryDirectory, "advisories");
        Directory.CreateDirectory(advisories);
        File.WriteAllText(Path.Combine(advisories, "advisory-20260101T000000Z.html"), "<p>advisory</p>");
        Directory.CreateDirectory(Path.Combine(HistoryDirectory, "notes"));
        var history = new PublicationHistory(HistoryDirectory, versions);

        for (var i = 1; i <= 3; i++)
        {
            history.Record(_feeds.Publication(i) with { PublishedAt = DateTimeOffset.UnixEpoch.AddHours(i) });
        }

        var expected = new[] { "19700101T030000000Z", "19700101T020000000Z" }.Take(versions);
        Assert.Equal(expected, history.Versions().Select(Path.GetFileName));
        Assert.Equal("report 3\n", File.ReadAllText(Path.Combine(history.Versions()[0], "report.txt")));
        Assert.True(File.Exists(Path.Combine(advisories, "advisory-20260101T000000Z.html")));
        Assert.True(Directory.Exists(Path.Combine(HistoryDirectory, "notes")));
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }
}
