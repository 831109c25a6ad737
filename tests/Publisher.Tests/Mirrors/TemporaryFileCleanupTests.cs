using System.Net;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Mirrors;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;
using Fedmd.Tests.Publisher.Support;

namespace Fedmd.Tests.Publisher.Mirrors;

/// <summary>A failed MOVE and the shipped template's DELETE rule, with the real nginx mirror.</summary>
public sealed class TemporaryFileCleanupTests(WebDavMirrorFixture mirror) : IClassFixture<WebDavMirrorFixture>, IDisposable
{
    private readonly TestFeeds _feeds = new();

    [Fact]
    public async Task A_failed_move_deletes_its_temporary_file_on_the_mirror()
    {
        // A directory where the feed should land makes nginx answer the MOVE with 409 after the PUT succeeded.
        var directory = Directory.CreateDirectory(Path.Combine(mirror.MirrorRoot, "move-fails")).FullName;
        Directory.CreateDirectory(Path.Combine(directory, "federation-metadata.xml", "occupied"));
        var endpoint = mirror.EndpointIn("move-fails");
        using var client = MirrorHttpClientFactory.Create(endpoint, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<FedmdException>(() =>
            new WebDavMirrorTarget(endpoint, client, _feeds.Verifier).PublishAsync(_feeds.Publication(5), CancellationToken.None));

        Assert.Contains("MOVE federation-metadata.xml answered 409", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("removing its temporary file failed", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["federation-metadata.xml"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
        Assert.Matches("\"DELETE /upload/move-fails/\\.federation-metadata\\.xml\\.[0-9a-f]{32}\\.fedmd-tmp HTTP/1\\.1\" 204", mirror.AccessLog);
    }

    [Fact]
    public async Task The_mirror_template_refuses_delete_of_anything_but_a_temporary_name()
    {
        var directory = Directory.CreateDirectory(Path.Combine(mirror.MirrorRoot, "no-delete")).FullName;
        var published = Path.Combine(directory, "federation-metadata.xml");
        File.WriteAllText(published, "<published/>");
        var temporary = Path.Combine(directory, $".federation-metadata.xml.{Guid.NewGuid():N}.fedmd-tmp");
        File.WriteAllText(temporary, "<left over/>");
        var endpoint = mirror.EndpointIn("no-delete");
        using var client = MirrorHttpClientFactory.Create(endpoint, TimeProvider.System);

        using var refused = await client.DeleteAsync(new Uri(endpoint.BaseUrl, "federation-metadata.xml"));
        using var refusedLookalike = await client.DeleteAsync(new Uri(endpoint.BaseUrl, ".federation-metadata.xml.notahexname.fedmd-tmp"));
        using var removed = await client.DeleteAsync(new Uri(endpoint.BaseUrl, Path.GetFileName(temporary)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedLookalike.StatusCode);
        Assert.True(File.Exists(published));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False(File.Exists(temporary));
    }

    [Fact]
    public async Task An_advisory_alone_reaches_every_mirror_without_touching_the_primary()
    {
        var endpoint = mirror.EndpointIn("advisory-only");
        using var client = MirrorHttpClientFactory.Create(endpoint, TimeProvider.System);
        var primary = new CountingTarget();
        var dispatcher = new PublicationDispatcher(primary, [new WebDavMirrorTarget(endpoint, client, _feeds.Verifier)]);
        var advisory = new PublicationFile("advisory.html", "<p>rotate now</p>"u8.ToArray());

        var outcomes = await dispatcher.PublishToMirrorsAsync(new PublicationSet([], [advisory], [], DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(["mirror advisory-only: published"], outcomes.Select(o => o.ToString()));
        Assert.Equal(advisory.Content.ToArray(), File.ReadAllBytes(Path.Combine(mirror.MirrorRoot, "advisory-only", "advisory.html")));
        Assert.Equal(0, primary.Calls);
    }

    public void Dispose() => _feeds.Dispose();

    private sealed class CountingTarget : IPublicationTarget
    {
        public int Calls { get; private set; }

        public string Name => "primary";

        public Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}
