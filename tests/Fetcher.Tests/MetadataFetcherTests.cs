using System.Text;
using Fedmd.Fetcher;
using Fedmd.Metadata.Failures;
using Fedmd.TestSupport.Http;
using Fedmd.Verification;

namespace Fedmd.Tests.Fetcher;

/// <summary>
/// A participant's fetch against a real local HTTP server: every bad answer is rejected and the previously kept file
/// stays byte for byte as it was.
/// </summary>
public sealed class MetadataFetcherTests : FeedServerTest
{
    private readonly SignedFeeds _federation = new("federation signer");

    private string Output => Directory.Combine("federation-metadata.xml");

    [Fact]
    public async Task First_fetch_verifies_and_keeps_the_document_with_its_validators()
    {
        var feed = _federation.SignedFeed(TimeSpan.FromDays(10));
        Server.Serve(new FeedResponse(feed, "\"v1\""));

        var outcome = await FetchAsync();

        Assert.Equal(FetchAction.Updated, outcome.Action);
        Assert.True(outcome.Verified);
        Assert.Equal(feed, File.ReadAllBytes(Output));
        Assert.Equal(feed, outcome.KeptDocument);
        Assert.Contains("\\u0022v1\\u0022", File.ReadAllText(CacheValidators.PathFor(Output)), StringComparison.Ordinal);
        Assert.Equal(feed.Length, outcome.Bytes);
    }

    [Fact]
    public async Task An_unchanged_feed_is_answered_304_and_nothing_is_rewritten()
    {
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(10)), "\"v1\""));
        await FetchAsync();
        var written = File.GetLastWriteTimeUtc(Output);
        var bytes = File.ReadAllBytes(Output);

        var outcome = await FetchAsync();

        Assert.Equal(FetchAction.NotModified, outcome.Action);
        Assert.Equal(304, outcome.HttpStatus);
        Assert.Equal(["\"v1\""], Server.ConditionalRequests);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Output));
        Assert.Equal(bytes, File.ReadAllBytes(Output));
    }

    [Fact]
    public async Task A_changed_valid_document_replaces_the_kept_one()
    {
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(10)), "\"v1\""));
        await FetchAsync();
        var second = _federation.SignedFeed(TimeSpan.FromDays(9), "https://fedmd.example.ac.za/metadata/v2");
        Server.Serve(new FeedResponse(second, "\"v2\""));

        var outcome = await FetchAsync();

        Assert.Equal(FetchAction.Updated, outcome.Action);
        Assert.Equal(second, File.ReadAllBytes(Output));
    }

    public static TheoryData<string> BadDocuments => new() { "tampered", "unsigned", "expired", "other-key", "beyond-window", "truncated-xml", "not-xml" };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_bad_document_is_rejected_and_the_kept_file_is_untouched(string kind)
    {
        var before = await KeepAGoodFeedAsync();
        Server.Serve(new FeedResponse(BadDocument(kind), "\"bad\""));

        var outcome = await FetchAsync();

        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureKind.InvalidDocument, outcome.FailureKind);
        Assert.Equal(FetchAction.KeptPrevious, outcome.Action);
        Assert.Equal(before, File.ReadAllBytes(Output));
        Assert.Equal(before, outcome.KeptDocument);
    }

    [Fact]
    public async Task A_truncated_body_is_a_network_failure_and_keeps_the_file()
    {
        var before = await KeepAGoodFeedAsync();
        var next = _federation.SignedFeed(TimeSpan.FromDays(8), "https://fedmd.example.ac.za/metadata/v3");
        Server.Serve(new FeedResponse(next, "\"v3\"", TruncateAfter: next.Length / 2));

        var outcome = await FetchAsync();

        Assert.False(outcome.Succeeded);
        Assert.Equal(before, File.ReadAllBytes(Output));
    }

    [Fact]
    public async Task AServer_error_is_a_network_failure_and_keeps_the_file()
    {
        var before = await KeepAGoodFeedAsync();
        Server.Serve(new FeedResponse([], "\"x\"", Status: 500));

        var outcome = await FetchAsync();

        Assert.Equal(FailureKind.Infrastructure, outcome.FailureKind);
        Assert.Equal(500, outcome.HttpStatus);
        Assert.Equal(before, File.ReadAllBytes(Output));
    }

    [Fact]
    public async Task AServer_that_does_not_answer_in_time_is_a_network_failure_and_keeps_the_file()
    {
        var before = await KeepAGoodFeedAsync();
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(5)), "\"slow\"", Delay: TimeSpan.FromSeconds(30)));

        var outcome = await FetchAsync(r => r with { Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(FailureKind.Infrastructure, outcome.FailureKind);
        Assert.Contains("within 1 s", outcome.Failure, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Output));
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_rejected()
    {
        var before = await KeepAGoodFeedAsync();
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(5), "https://fedmd.example.ac.za/big"), "\"big\""));

        var outcome = await FetchAsync(r => r with { MaxBytes = 1000 });

        Assert.Equal(FailureKind.InvalidDocument, outcome.FailureKind);
        Assert.Contains("over the limit", outcome.Failure, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Output));
    }

    [Fact]
    public async Task Redirects_are_followed_up_to_the_limit()
    {
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(5)), "\"r\""));

        var moved = await FetchAsync(r => r with { Url = new Uri(Server.BaseUrl, "moved") });
        var loop = await FetchAsync(r => r with { Url = new Uri(Server.BaseUrl, "loop"), OutputPath = Directory.Combine("loop.xml") });

        Assert.Equal(FetchAction.Updated, moved.Action);
        Assert.Equal(FailureKind.Infrastructure, loop.FailureKind);
        Assert.Contains("more than 3 redirects", loop.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task During_a_key_rollover_either_pinned_key_is_accepted()
    {
        var next = new SignedFeeds("next federation signer");
        Server.Serve(new FeedResponse(next.SignedFeed(TimeSpan.FromDays(5)), "\"next\""));

        var outcome = await FetchAsync(r => r with
        {
            Verification = r.Verification with { PinnedCertificates = [_federation.Certificate, next.Certificate] },
        });

        Assert.Equal(FetchAction.Updated, outcome.Action);
        Assert.Equal(Fedmd.Metadata.Values.CertificateFingerprint.Of(next.Certificate, Fedmd.Metadata.Values.FingerprintAlgorithm.Sha256), outcome.Signer);
    }

    [Fact]
    public async Task A_kept_file_close_to_expiry_draws_a_warning()
    {
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromHours(3)), "\"short\""));

        var outcome = await FetchAsync();

        Assert.Equal(FetchAction.Updated, outcome.Action);
        Assert.Contains("expires at", outcome.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_allowed()
    {
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(5)), "\"h\""));

        var failure = await Assert.ThrowsAsync<FedmdException>(() => FetchAsync(r => r with { AllowHttp = false }));

        Assert.Equal(FailureKind.Configuration, failure.Kind);
        Assert.Contains("--allow-http", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    private async Task<byte[]> KeepAGoodFeedAsync()
    {
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(10)), "\"good\""));
        var outcome = await FetchAsync();
        Assert.Equal(FetchAction.Updated, outcome.Action);
        return File.ReadAllBytes(Output);
    }

    private byte[] BadDocument(string kind)
    {
        var good = Encoding.UTF8.GetString(_federation.SignedFeed(TimeSpan.FromDays(5), "https://fedmd.example.ac.za/metadata/next"));
        return kind switch
        {
            "tampered" => Encoding.UTF8.GetBytes(good.Replace("sp.library.example.ac.za", "sp.evil.example.ac.za", StringComparison.Ordinal)),
            "unsigned" => Encoding.UTF8.GetBytes(SignedFeeds.UnsignedFeed(DateTimeOffset.UtcNow.AddDays(5))),
            "expired" => _federation.Sign(SignedFeeds.UnsignedFeed(DateTimeOffset.UtcNow.AddHours(-1))),
            "other-key" => new SignedFeeds("an attacker").SignedFeed(TimeSpan.FromDays(5)),
            "beyond-window" => _federation.SignedFeed(TimeSpan.FromDays(60)),
            "truncated-xml" => Encoding.UTF8.GetBytes(good[..(good.Length / 2)]),
            "not-xml" => "<html><body>Service temporarily unavailable</body></html>"u8.ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private Task<FetchOutcome> FetchAsync(Func<FetchRequest, FetchRequest>? adjust = null)
    {
        var request = new FetchRequest(Server.FeedUrl, Output, new VerificationOptions { PinnedCertificates = [_federation.Certificate] })
        {
            AllowHttp = true,
        };
        return new MetadataFetcher(TimeProvider.System).FetchAsync(adjust is null ? request : adjust(request));
    }
}
