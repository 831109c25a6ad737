using Fedmd.Aggregator.Pipeline;
using Fedmd.Pass.Work;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Signs every assembled feed from its file into a file of the pass's work directory, which the publication copies;
/// the signer checks its own signature before it returns. While a rollover is announced
/// <paramref name="nextKeySigner"/> (pinned, in its own self-check, to the next key alone) signs each feed a second
/// time for its versioned name.
/// </summary>
public sealed class SignStep(IFeedSigner signer, IFeedSigner? nextKeySigner = null) : IPassStep<AssembledFeeds, SignedFeeds>
{
    /// <inheritdoc />
    public Task<SignedFeeds> RunAsync(AssembledFeeds input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.RequireWorkDirectory();
        var feeds = input.Feeds.Select(f => Signed(signer, f, f.Plan.Definition.FileName, directory)).ToList();
        var nextKey = nextKeySigner is null
            ? null
            : new NextKeyFeeds(input.Feeds.Select(f => Signed(nextKeySigner, f, NextKeyFeedName.For(f.Plan.Definition.FileName), directory)).ToList(), nextKeySigner.Certificate);
        return Task.FromResult(new SignedFeeds(input.Aggregation, feeds, signer.Certificate) { NextKey = nextKey });
    }

    private static SignedFeed Signed(IFeedSigner by, AssembledFeed feed, string fileName, string directory)
    {
        var path = Path.Combine(directory, fileName + ".signed");
        using (var output = WorkFile.Create(path))
        {
            by.Sign(feed, output);
        }

        return new SignedFeed(fileName, FileContent.InFile(path), feed.Plan.Header.ValidUntil, feed.Plan.Header.CacheDuration, feed.Plan.Entities.Count);
    }
}
