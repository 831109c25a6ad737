using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Runs;
using Fedmd.Metadata.Xml;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Writes each planned feed as an unsigned <c>md:EntitiesDescriptor</c> and loads it for signing. The writer streams
/// entities from their bytes (the form the published bytes have always had); the DOM is what the enveloped signer needs.
/// </summary>
public sealed class AssembleStep(long maxEntityBytes) : IPassStep<AggregationOutcome, AssembledFeeds>
{
    /// <inheritdoc />
    public Task<AssembledFeeds> RunAsync(AggregationOutcome input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var writer = new AggregateWriter(new SafeXmlLoader(maxEntityBytes));
        var feeds = input.Feeds.Select(feed =>
        {
            using var buffer = new MemoryStream();
            writer.Write(buffer, feed.Header, feed.Entities);
            var document = new SafeXmlLoader(Math.Max(buffer.Length, 1)).Load(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return new AssembledFeed(feed, document);
        }).ToList();
        return Task.FromResult(new AssembledFeeds(input, feeds));
    }
}
