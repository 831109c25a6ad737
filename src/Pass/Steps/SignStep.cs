using Fedmd.Aggregator.Pipeline;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass.Steps;

/// <summary>Signs every assembled feed; the signer checks its own signature before it returns.</summary>
public sealed class SignStep(IFeedSigner signer) : IPassStep<AssembledFeeds, SignedFeeds>
{
    /// <inheritdoc />
    public Task<SignedFeeds> RunAsync(AssembledFeeds input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var feeds = input.Feeds
            .Select(f => new SignedFeed(f.Plan.Definition.FileName, signer.Sign(f), f.Plan.Header.ValidUntil, f.Plan.Header.CacheDuration, f.Plan.Entities.Count))
            .ToList();
        return Task.FromResult(new SignedFeeds(input.Aggregation, feeds, signer.Certificate));
    }
}
