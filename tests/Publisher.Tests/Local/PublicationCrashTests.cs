using Fedmd.Publisher.History;
using Fedmd.Publisher.Local;
using Fedmd.Publisher.Publication;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Local;

/// <summary>
/// Stops a publication before each of its file-system steps in turn and checks that the web root then shows exactly
/// one complete set (the previous or the new), and that the next publication succeeds and leaves nothing behind.
/// </summary>
public sealed class PublicationCrashTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestFeeds _feeds = new();
    private readonly PublicationSet _old;
    private readonly PublicationSet _new;
    private readonly PublicationSet _next;

    public PublicationCrashTests()
    {
        _old = Set(1, DateTimeOffset.UnixEpoch.AddHours(1));
        _new = Set(2, DateTimeOffset.UnixEpoch.AddHours(2));
        _next = Set(3, DateTimeOffset.UnixEpoch.AddHours(3));
    }

    [Fact]
    public async Task A_crash_before_any_step_of_a_publication_leaves_the_old_or_the_new_set_whole()
    {
        var steps = await StepsOfOnePublication(legacy: false);

        Assert.True(steps >= 10, $"a publication took only {steps} steps");
        for (var crashAt = 0; crashAt < steps; crashAt++)
        {
            await CrashAndRecover(crashAt, legacy: false);
        }
    }

    [Fact]
    public async Task A_crash_before_any_step_of_migrating_a_real_web_root_directory_leaves_the_old_or_the_new_set_whole()
    {
        var steps = await StepsOfOnePublication(legacy: true);

        Assert.Contains(steps, Enumerable.Range(10, 100));
        for (var crashAt = 0; crashAt < steps; crashAt++)
        {
            await CrashAndRecover(crashAt, legacy: true);
        }
    }

    [Fact]
    public async Task The_web_root_becomes_a_link_to_a_complete_set_and_keeps_one_previous_set()
    {
        var webRoot = _directory.Combine("plain", "publish");
        var target = new LocalWebRootTarget(webRoot, 48, []);

        await target.PublishAsync(_old, CancellationToken.None);
        await target.PublishAsync(_new, CancellationToken.None);
        await target.PublishAsync(_next, CancellationToken.None);

        Assert.NotNull(new FileInfo(webRoot).LinkTarget);
        AssertShows(webRoot, _next, "after three publications");
        Assert.Equal(2, SetsOf(webRoot).Count);
        Assert.Equal(3, new PublicationHistory(Path.Combine(webRoot, "history"), 48).Versions().Count);
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }

    private async Task<int> StepsOfOnePublication(bool legacy)
    {
        var webRoot = _directory.Combine("count-" + legacy, "publish");
        await Prepare(webRoot, legacy);
        var counting = new CrashingFileSystem(-1);
        await new LocalWebRootTarget(webRoot, 48, [], counting).PublishAsync(_new, CancellationToken.None);
        AssertShows(webRoot, _new, "after an uninterrupted publication");
        return counting.Steps;
    }

    private async Task CrashAndRecover(int crashAt, bool legacy)
    {
        var webRoot = _directory.Combine($"crash-{legacy}-{crashAt}", "publish");
        await Prepare(webRoot, legacy);
        var crashing = new CrashingFileSystem(crashAt);

        var crash = await Assert.ThrowsAsync<SimulatedCrashException>(() => new LocalWebRootTarget(webRoot, 48, [], crashing).PublishAsync(_new, CancellationToken.None));

        var shown = Shown(webRoot);
        var whole = SameFiles(shown, _old) || SameFiles(shown, _new);
        Assert.True(whole, $"{crash.Message}: the web root shows [{string.Join(", ", shown.Keys.Order(StringComparer.Ordinal))}], neither set whole");

        await new LocalWebRootTarget(webRoot, 48, []).PublishAsync(_next, CancellationToken.None);

        AssertShows(webRoot, _next, $"after recovering from a crash before step {crashAt}");
        var parent = Path.GetDirectoryName(webRoot)!;
        Assert.Equal([".publish.sets", "publish"], Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(SetsOf(webRoot).Count <= 2, $"{crash.Message}: sets left: {string.Join(", ", SetsOf(webRoot))}");
        var history = Path.Combine(webRoot, "history");
        Assert.Empty(Directory.GetDirectories(history, ".*"));
        Assert.Contains("19700101T030000000Z", Directory.GetDirectories(history).Select(Path.GetFileName));
        Assert.Contains("19700101T010000000Z", Directory.GetDirectories(history).Select(Path.GetFileName));
    }

    // The state before the crashing publication: the old set served, as a link (or as a real directory written
    // file by file, the layout before sets) with its history.
    private async Task Prepare(string webRoot, bool legacy)
    {
        if (!legacy)
        {
            await new LocalWebRootTarget(webRoot, 48, []).PublishAsync(_old, CancellationToken.None);
            return;
        }

        var version = Path.Combine(webRoot, "history", "19700101T010000000Z");
        Directory.CreateDirectory(version);
        foreach (var file in _old.ServedFiles)
        {
            File.WriteAllBytes(Path.Combine(webRoot, file.Name), file.Content.ToArray());
            File.WriteAllBytes(Path.Combine(version, file.Name), file.Content.ToArray());
        }
    }

    private static void AssertShows(string webRoot, PublicationSet set, string when)
    {
        var shown = Shown(webRoot);
        Assert.True(SameFiles(shown, set), $"{when} the web root shows [{string.Join(", ", shown.Keys.Order(StringComparer.Ordinal))}], not the published set");
        Assert.True(Directory.Exists(Path.Combine(webRoot, "history")), $"{when} the web root has no history");
    }

    private static Dictionary<string, byte[]> Shown(string webRoot) =>
        Directory.Exists(webRoot)
            ? Directory.EnumerateFiles(webRoot).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal)
            : [];

    private static bool SameFiles(Dictionary<string, byte[]> shown, PublicationSet set)
    {
        var expected = set.ServedFiles.ToList();
        return shown.Count == expected.Count && expected.All(f => shown.TryGetValue(f.Name, out var bytes) && bytes.AsSpan().SequenceEqual(f.Content.ToArray()));
    }

    private static List<string> SetsOf(string webRoot) =>
        Directory.EnumerateDirectories(Path.Combine(Path.GetDirectoryName(webRoot)!, ".publish.sets")).Select(Path.GetFileName).Where(n => n != "history").ToList()!;

    private PublicationSet Set(int serial, DateTimeOffset at) => new(
        [_feeds.Feed(serial)],
        [
            new PublicationFile("metadata-signer.crt", System.Text.Encoding.ASCII.GetBytes($"certificate {serial}\n")),
            new PublicationFile("fingerprint.txt", System.Text.Encoding.UTF8.GetBytes($"publication {serial}\n")),
            new PublicationFile("advisory.html", System.Text.Encoding.UTF8.GetBytes($"advisory {serial}\n")),
        ],
        [new PublicationFile("report.txt", System.Text.Encoding.UTF8.GetBytes($"report {serial}\n"))],
        at);
}
