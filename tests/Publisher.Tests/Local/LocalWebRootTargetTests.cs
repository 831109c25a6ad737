using Fedmd.Metadata.Failures;
using Fedmd.Publisher.History;
using Fedmd.Publisher.Local;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Local;

public sealed class LocalWebRootTargetTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestFeeds _feeds = new();

    private string WebRoot => _directory.Combine("publish");

    [Fact]
    public async Task Published_files_are_world_readable_and_the_report_sits_beside_the_feed_and_in_the_history()
    {
        var target = Target(versions: 48);

        await target.PublishAsync(_feeds.Publication(1), CancellationToken.None);

        foreach (var name in new[] { "federation-metadata.xml", "fingerprint.txt", "report.txt" })
        {
            var mode = File.GetUnixFileMode(Path.Combine(WebRoot, name));
            Assert.True(mode.HasFlag(UnixFileMode.OtherRead), $"{name} is not world-readable ({mode})");
            Assert.False(mode.HasFlag(UnixFileMode.OtherWrite) || mode.HasFlag(UnixFileMode.GroupWrite), $"{name} is writable by others ({mode})");
        }

        Assert.Equal("report 1\n", File.ReadAllText(Path.Combine(WebRoot, "report.txt")));
        var version = Assert.Single(Directory.GetDirectories(Path.Combine(WebRoot, "history")));
        Assert.Equal(["federation-metadata.xml", "fingerprint.txt", "report.txt"], Directory.GetFiles(version).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("report 1\n", File.ReadAllText(Path.Combine(version, "report.txt")));
    }

    [Fact]
    public async Task The_history_keeps_the_last_N_versions_newest_first()
    {
        var target = Target(versions: 3);
        var history = new PublicationHistory(Path.Combine(WebRoot, "history"), 3);

        for (var i = 1; i <= 5; i++)
        {
            await target.PublishAsync(_feeds.Publication(i) with { PublishedAt = DateTimeOffset.UnixEpoch.AddHours(i) }, CancellationToken.None);
        }

        var versions = history.Versions();
        Assert.Equal(["19700101T050000000Z", "19700101T040000000Z", "19700101T030000000Z"], versions.Select(Path.GetFileName));
        Assert.Equal("report 5\n", File.ReadAllText(Path.Combine(versions[0], "report.txt")));
    }

    [Theory]
    [InlineData("signing.key", "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n")]
    [InlineData("token.pin", "1234\n")]
    [InlineData("innocent.txt", "-----BEGIN RSA PRIVATE KEY-----\nMII\n-----END RSA PRIVATE KEY-----\n")]
    public async Task A_web_root_holding_a_key_or_pin_is_refused_and_nothing_is_published(string name, string content)
    {
        Directory.CreateDirectory(Path.Combine(WebRoot, "sub"));
        File.WriteAllText(Path.Combine(WebRoot, "sub", name), content);

        var failure = await Assert.ThrowsAsync<FedmdException>(() => Target(48).PublishAsync(_feeds.Publication(1), CancellationToken.None));

        Assert.Equal(FailureKind.Configuration, failure.Kind);
        Assert.Contains(Path.Combine(WebRoot, "sub", name), failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(WebRoot, "federation-metadata.xml")));
    }

    [Fact]
    public void A_link_in_the_web_root_to_a_file_elsewhere_is_refused()
    {
        var outside = Path.Combine(Path.GetDirectoryName(WebRoot)!, $"elsewhere-{Guid.NewGuid():N}.txt");
        File.WriteAllText(outside, "0000");
        Directory.CreateDirectory(Path.Combine(WebRoot, "sub"));
        var link = Path.Combine(WebRoot, "sub", "harmless-name.txt");
        File.CreateSymbolicLink(link, outside);
        File.CreateSymbolicLink(Path.Combine(WebRoot, "inside-link.xml"), Path.Combine(WebRoot, "sub"));
        try
        {
            var failure = Assert.Throws<FedmdException>(() => WebRootGuard.Require(WebRoot, []));

            Assert.Contains(link, failure.Message, StringComparison.Ordinal);
            Assert.Contains("outside the web root", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_configured_secret_under_the_web_root_is_refused_even_before_it_exists()
    {
        var pin = Path.Combine(WebRoot, "secrets", "pin");

        var failure = Assert.Throws<FedmdException>(() => WebRootGuard.Require(WebRoot, [pin]));

        Assert.Contains(pin, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Temporary_files_left_by_a_killed_run_are_removed_by_the_next_publication()
    {
        Directory.CreateDirectory(WebRoot);
        var leftover = Path.Combine(WebRoot, ".federation-metadata.xml.0123abcd.fedmd-tmp");
        File.WriteAllText(leftover, "<half");
        Directory.CreateDirectory(Path.Combine(WebRoot, "history", ".20260101T000000000Z.partial"));

        await Target(48).PublishAsync(_feeds.Publication(1), CancellationToken.None);

        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.GetDirectories(Path.Combine(WebRoot, "history"), ".*"));
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }

    private LocalWebRootTarget Target(int versions) =>
        new(WebRoot, versions, []);
}
