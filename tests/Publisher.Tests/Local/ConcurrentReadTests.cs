using Fedmd.Publisher.Local;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Local;

public sealed class ConcurrentReadTests : IDisposable
{
    private const int Publications = 50;
    private readonly TemporaryDirectory _directory = new();
    private readonly TestFeeds _feeds = new();

    [Fact]
    public async Task Readers_on_other_threads_only_ever_read_a_feed_that_verifies_during_50_publications()
    {
        var webRoot = _directory.Combine("publish");
        var target = new LocalWebRootTarget(webRoot, 5, []);
        var publications = Enumerable.Range(1, Publications).Select(_feeds.Publication).ToList();
        await target.PublishAsync(publications[0], CancellationToken.None);
        var feed = Path.Combine(webRoot, "federation-metadata.xml");
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => ReadUntilDone(feed, done.Token))).ToList();

        foreach (var publication in publications.Skip(1))
        {
            await target.PublishAsync(publication, CancellationToken.None);
        }

        await done.CancelAsync();
        var results = await Task.WhenAll(readers);

        Assert.All(results, r => Assert.Empty(r.Failures));
        Assert.All(results, r => Assert.True(r.Reads > 0));
        Assert.True(results.Sum(r => r.DistinctContents) > 1, "the readers never saw a publication change");
        Assert.Equal(publications[^1].Feeds[0].Content.ToArray(), File.ReadAllBytes(feed));
        var certificate = TestCertificates.WritePem(_feeds.Certificate, _directory.Combine("signer.pem"));
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(feed, certificate), "xmlsec1 rejects the last publication");
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }

    private ReadResult ReadUntilDone(string feed, CancellationToken done)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reads = 0;
        while (!done.IsCancellationRequested || reads == 0)
        {
            var bytes = File.ReadAllBytes(feed);
            reads++;
            seen.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)));
            var result = _feeds.Verifier.Verify(bytes);
            if (!result.IsValid)
            {
                failures.Add($"read {reads}: {result.Failure}");
            }
        }

        return new ReadResult(reads, seen.Count, failures);
    }

    private sealed record ReadResult(int Reads, int DistinctContents, IReadOnlyList<string> Failures);
}
