using Fedmd.Metadata.Failures;
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

    [Fact]
    public void A_version_that_fails_half_written_leaves_no_partial_directory()
    {
        // A 16k tmpfs (the tests run as root) holds the feed and the page but not the report.
        Directory.CreateDirectory(HistoryDirectory);
        var mounted = ExternalTool.Run("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", HistoryDirectory]);
        Assert.True(mounted.ExitCode == 0, $"mount -t tmpfs failed (the tests need root): {mounted.StandardError}");
        try
        {
            var history = new PublicationHistory(HistoryDirectory, 3);
            var publication = _feeds.Publication(1) with { Reports = [new("report.txt", new byte[64 * 1024])] };

            var failure = Assert.Throws<FedmdException>(() => history.Record(publication));

            Assert.Contains("disk full", failure.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(HistoryDirectory));
        }
        finally
        {
            ExternalTool.Run("umount", [HistoryDirectory]);
        }
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }
}
