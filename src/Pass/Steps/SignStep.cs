using Fedmd.Aggregator.Pipeline;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Signs every assembled feed; the signer checks its own signature before it returns. While a rollover is announced
/// <paramref name="nextKeySigner"/> (pinned, in its own self-check, to the next key alone) signs each feed a second
/// time for its versioned name.
/// </summary>
public sealed class SignStep(IFeedSigner signer, IFeedSigner? nextKeySigner = null) : IPassStep<AssembledFeeds, SignedFeeds>
{
    /// <inheritdoc />
    public Task<SignedFeeds> RunAsync(AssembledFeeds input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var feeds = input.Feeds.Select(f => Signed(signer, f, f.Plan.Definition.FileName)).ToList();
        var nextKey = nextKeySigner is null
            ? null
            : new NextKeyFeeds(input.Feeds.Select(f => Signed(nextKeySigner, f, NextKeyFeedName.For(f.Plan.Definition.FileName))).ToList(), nextKeySigner.Certificate);
        return Task.FromResult(new SignedFeeds(input.Aggregation, feeds, signer.Certificate) { NextKey = nextKey });
    }

    private static SignedFeed Signed(IFeedSigner by, AssembledFeed feed, string fileName) =>
        new(fileName, by.Sign(feed), feed.Plan.Header.ValidUntil, feed.Plan.Header.CacheDuration, feed.Plan.Entities.Count);
}
