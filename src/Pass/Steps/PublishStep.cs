using Fedmd.Aggregator.Pipeline;
using Fedmd.Publisher.Advisories;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;
using Fedmd.Pass.Reporting;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Publishes the signed feeds with the pages that describe them (certificate, fingerprint page, advisory) and the
/// pass's reports: to the web root (a failure there stops the pass), then to each mirror (each outcome reported).
/// </summary>
public sealed class PublishStep(PublicationDispatcher dispatcher, FingerprintPageSettings pages, AdvisoryPublisher advisories, IPassEvents events)
    : IPassStep<SignedFeeds, Publication>
{
    /// <inheritdoc />
    public async Task<Publication> RunAsync(SignedFeeds input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var facts = new FingerprintFacts(
            pages.FederationName,
            input.Feeds.Select(f => new FeedListing(f.FileName, pages.FeedUrl(f.FileName), f.ValidUntil, f.CacheDuration.Text, f.EntityCount, input.Certificate)).ToList(),
            pages.Rollover,
            pages.ConsumerMaxValidity,
            context.Now);
        var served = FingerprintFiles.Render(facts).Append(advisories.Current()).ToList();
        var publication = new PublicationSet(input.Feeds, served, ReportFiles.For(input.Aggregation.Report), context.Now);
        var outcomes = await dispatcher.PublishAsync(publication, cancellationToken).ConfigureAwait(false);
        var run = new PublicationRun(publication.ServedFiles.Select(f => Path.Combine(pages.WebRoot, f.Name)).ToList(), outcomes);
        events.Published(input, run);
        return new Publication(input, run);
    }
}
