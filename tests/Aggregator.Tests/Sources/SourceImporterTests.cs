using Fedmd.Aggregator.Sources;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport.Http;
using Fedmd.TestSupport.Time;

namespace Fedmd.Tests.Aggregator.Sources;

/// <summary>
/// Importing a remote source over a real local HTTP server: a good fetch, the last good copy while the source fails,
/// and no copy at all once the last good one expired or when nothing ever verified.
/// </summary>
public sealed class SourceImporterTests : SourceTest
{
    private static readonly DateTimeOffset ValidUntil = DateTimeOffset.UtcNow.AddDays(7);

    private static string TwoEntities() =>
        new RemoteAggregate().Foreign("idp-uni-a.xml").Foreign("sp-wiki.xml").Build(ValidUntil);

    /// <summary>Serves the two-entity aggregate and imports it once, leaving a last good copy.</summary>
    private async Task ImportedOnceAsync()
    {
        Serve(TwoEntities());
        Assert.Equal(SourceState.Fetched, (await ImportAsync()).Status.State);
    }

    [Fact]
    public async Task A_good_fetch_imports_every_entity_named_by_source_and_entityID()
    {
        Serve(TwoEntities());

        var import = await ImportAsync();

        Assert.Equal(SourceState.Fetched, import.Status.State);
        Assert.Equal(ValidUntil.ToUnixTimeSeconds(), import.Status.ValidUntil!.Value.ToUnixTimeSeconds());
        Assert.Null(import.Status.Failure);
        Assert.Equal([RemoteAggregate.ForeignEntityId("idp-uni-a.xml"), RemoteAggregate.ForeignEntityId("sp-wiki.xml")], EntityIds(import));
        Assert.Empty(import.Filtered);
        Assert.True(File.Exists(LastGoodCopy));
    }

    [Fact]
    public async Task An_unchanged_source_is_not_modified_and_still_imported()
    {
        await ImportedOnceAsync();

        var import = await ImportAsync();

        Assert.Equal(SourceState.NotModified, import.Status.State);
        Assert.Equal(2, import.Items.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    public async Task A_failing_source_falls_back_to_its_last_good_copy_until_its_validUntil(int status)
    {
        await ImportedOnceAsync();
        Server.Serve(new FeedResponse([], "\"down\"", status));

        var import = await ImportAsync();

        Assert.Equal(SourceState.Fallback, import.Status.State);
        Assert.True(import.Status.IsUsable);
        Assert.Contains($"HTTP {status}", import.Status.Failure, StringComparison.Ordinal);
        Assert.Equal(ValidUntil.ToUnixTimeSeconds(), import.Status.ValidUntil!.Value.ToUnixTimeSeconds());
        Assert.Equal(2, import.Items.Count);
    }

    [Fact]
    public async Task A_failing_source_whose_last_good_copy_expired_is_unavailable()
    {
        await ImportedOnceAsync();
        Server.Serve(new FeedResponse([], "\"down\"", 500));

        var import = await ImportAsync(clock: new FixedClock(ValidUntil.AddMinutes(1)));

        Assert.Equal(SourceState.Unavailable, import.Status.State);
        Assert.False(import.Status.IsUsable);
        Assert.Contains("HTTP 500", import.Status.Failure, StringComparison.Ordinal);
        Assert.Contains("no longer verifies", import.Status.Failure, StringComparison.Ordinal);
        Assert.Empty(import.Items);
    }

    [Fact]
    public async Task A_tampered_source_is_not_used_and_the_last_good_copy_is()
    {
        await ImportedOnceAsync();
        var good = File.ReadAllBytes(LastGoodCopy);
        Serve(Utf8(System.Text.Encoding.UTF8.GetString(Home.Sign(TwoEntities())).Replace("University of Aloeridge", "University of Mallory", StringComparison.Ordinal)));

        var import = await ImportAsync();

        Assert.Equal(SourceState.Fallback, import.Status.State);
        Assert.Contains("rejected", import.Status.Failure, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(LastGoodCopy));
        Assert.All(import.Items, i => Assert.DoesNotContain("Mallory", System.Text.Encoding.UTF8.GetString(i.Bytes), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_source_signed_by_another_key_without_a_last_good_copy_is_unavailable()
    {
        Serve(new SignedFeeds("impostor").Sign(TwoEntities()));

        var import = await ImportAsync();

        Assert.Equal(SourceState.Unavailable, import.Status.State);
        Assert.Contains("no previous", import.Status.Failure, StringComparison.Ordinal);
        Assert.Empty(import.Items);
        Assert.False(File.Exists(LastGoodCopy));
    }

    [Fact]
    public async Task A_last_good_copy_that_was_altered_on_disk_is_not_used()
    {
        await ImportedOnceAsync();
        File.WriteAllText(LastGoodCopy, File.ReadAllText(LastGoodCopy).Replace("University of Aloeridge", "University of Mallory", StringComparison.Ordinal));
        Server.Serve(new FeedResponse([], "\"down\"", 503));

        var import = await ImportAsync();

        Assert.Equal(SourceState.Unavailable, import.Status.State);
        Assert.Empty(import.Items);
    }

    [Fact]
    public async Task Imported_entities_carry_the_source_validUntil()
    {
        Serve(TwoEntities());

        var import = await ImportAsync();

        Assert.All(import.Items, i => Assert.Contains(
            $"validUntil=\"{XsDateTime.Format(ValidUntil)}\"", System.Text.Encoding.UTF8.GetString(i.Bytes), StringComparison.Ordinal));
    }
}
