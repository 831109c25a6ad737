using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Retries;
using Fedmd.Publisher.Targets;
using Fedmd.Tests.Publisher.Support;

namespace Fedmd.Tests.Publisher.Targets;

public sealed class RetryingTargetTests
{
    private static readonly PublicationSet Empty = new([], [], [], DateTimeOffset.UnixEpoch);
    private static readonly BackoffPolicy Policy = new(4, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12));

    [Fact]
    public async Task A_target_that_recovers_is_retried_with_doubling_pauses()
    {
        var flaky = new FlakyTarget(failures: 2);
        var pause = new RecordingPause();

        await new RetryingTarget(flaky, Policy, pause).PublishAsync(Empty, CancellationToken.None);

        Assert.Equal(3, flaky.Calls);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)], pause.Delays);
    }

    [Fact]
    public async Task A_target_that_keeps_failing_gives_up_after_the_bounded_attempts_with_capped_pauses()
    {
        var dead = new FlakyTarget(failures: int.MaxValue);
        var pause = new RecordingPause();

        var failure = await Assert.ThrowsAsync<FedmdException>(() => new RetryingTarget(dead, Policy, pause).PublishAsync(Empty, CancellationToken.None));

        Assert.Equal(4, dead.Calls);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12)], pause.Delays);
        Assert.Equal("flaky: failed after 4 attempts: connection refused (call 4)", failure.Message);
    }

    [Fact]
    public async Task A_failing_primary_target_stops_the_run_before_any_mirror()
    {
        var mirror = new FlakyTarget(failures: 0);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            new PublicationDispatcher(new FlakyTarget(failures: 1), [mirror]).PublishAsync(Empty, CancellationToken.None));

        Assert.Equal(0, mirror.Calls);
    }

    private sealed class FlakyTarget(int failures) : IPublicationTarget
    {
        public int Calls { get; private set; }

        public string Name => "flaky";

        public Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken)
        {
            Calls++;
            return Calls <= failures
                ? Task.FromException(new HttpRequestException($"connection refused (call {Calls})"))
                : Task.CompletedTask;
        }
    }
}
