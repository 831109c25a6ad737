using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Pass.Reporting;
using Fedmd.Publisher.Advisories;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Local;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Publishes the signed feeds with the pages that describe them (certificate, fingerprint page, advisory) and the
/// pass's reports, as one complete set: to the web root (a failure there stops the pass), then to each mirror (each
/// outcome reported). A feed the guard rails refused keeps its previous publication: its served bytes are read back
/// from the web root and carried into the new set unchanged while inside their validUntil, listed as stale; an
/// expired one is withdrawn (a consumer would reject it), and the report says so. While a rollover is announced every
/// feed is also published at its versioned name, signed by the next key, in the same set (and carried the same way).
/// </summary>
public sealed class PublishStep(PublicationDispatcher dispatcher, FingerprintPageSettings pages, AdvisoryPublisher advisories, IPassEvents events)
    : IPassStep<SignedFeeds, Publication>
{
    /// <inheritdoc />
    public async Task<Publication> RunAsync(SignedFeeds input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var feeds = new List<SignedFeed>();
        var listings = new List<FeedListing>();
        var reports = new List<FeedReport>();
        foreach (var feedReport in input.Aggregation.Report.Feeds)
        {
            var signed = input.Feeds.FirstOrDefault(f => f.FileName == feedReport.FileName);
            var nextName = NextKeyFeedName.For(feedReport.FileName);
            var signedByNext = input.NextKey?.Feeds.FirstOrDefault(f => f.FileName == nextName);
            if (signed is not null || feedReport.Refusal is null)
            {
                feeds.AddRange(signed is null ? [] : [signed]);
                listings.AddRange(signed is null ? [] : [Listing(signed, input.Certificate)]);
                feeds.AddRange(signedByNext is null ? [] : [signedByNext]);
                listings.AddRange(signedByNext is null ? [] : [NextKeyListing(signedByNext, input.NextKey!.Certificate)]);
                reports.Add(feedReport);
                continue;
            }

            var (carried, notCarried) = ServedFeed.Read(pages.WebRoot, feedReport.FileName, context.Now);
            if (carried is null)
            {
                reports.Add(feedReport with { Refusal = $"{feedReport.Refusal}; not served: {notCarried}" });
                continue;
            }

            var stale = new FeedStaleness(feedReport.PublishedAt, feedReport.Refusal);
            feeds.Add(carried);
            listings.Add(Listing(carried, input.Certificate) with { Stale = stale });
            if (input.NextKey is { } nextKey && ServedFeed.Read(pages.WebRoot, nextName, context.Now).Feed is { } carriedNext)
            {
                feeds.Add(carriedNext);
                listings.Add(NextKeyListing(carriedNext, nextKey.Certificate) with { Stale = stale });
            }

            reports.Add(feedReport);
        }

        var signedFeeds = input with { Aggregation = input.Aggregation with { Report = input.Aggregation.Report with { Feeds = reports } } };
        var facts = new FingerprintFacts(pages.FederationName, listings, pages.Rollover, pages.ConsumerMaxValidity, context.Now) { Previous = pages.Previous };
        var served = FingerprintFiles.Render(facts).Append(advisories.Current()).ToList();
        var publication = new PublicationSet(feeds, served, ReportFiles.WriteForPublication(context.RequireWorkDirectory(), signedFeeds.Aggregation.Report), context.Now);
        var outcomes = await dispatcher.PublishAsync(publication, cancellationToken).ConfigureAwait(false);
        var run = new PublicationRun(publication.ServedFiles.Select(f => Path.Combine(pages.WebRoot, f.Name)).ToList(), outcomes);
        events.Published(signedFeeds, run);
        return new Publication(signedFeeds, run);
    }

    private FeedListing Listing(SignedFeed feed, SigningCertificateInfo certificate) =>
        new(feed.FileName, pages.FeedUrl(feed.FileName), feed.ValidUntil, feed.CacheDuration.Text, feed.EntityCount, certificate);

    private FeedListing NextKeyListing(SignedFeed feed, SigningCertificateInfo certificate) =>
        Listing(feed, certificate) with { CertificateFileName = FingerprintFacts.NextCertificateFileName };
}
