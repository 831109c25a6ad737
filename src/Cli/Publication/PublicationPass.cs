using Fedmd.Metadata.Values;
using Fedmd.Metadata.Files;
using System.Text;
using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Reporting;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Sources;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Publication;
using Fedmd.Signer.Signing;
using Serilog;

namespace Fedmd.Cli.Publication;

/// <summary>
/// One full pass: build the feeds (registry, pipeline, feed selection, guard rails, report), sign each feed
/// (self-checked), record new entities in the ledger, and publish the feeds with the certificate, the fingerprint page
/// and the report. Nothing is published unless every step before succeeded; a refusal leaves the web root untouched.
/// </summary>
public sealed class PublicationPass(FedmdOptions options, SigningComponents signing, ILogger log, TimeProvider clock)
{
    /// <summary>Name of the published signing certificate.</summary>
    public const string CertificateFileName = FingerprintFacts.CertificateFileName;

    /// <summary>Name of the out-of-band fingerprint page.</summary>
    public const string FingerprintPageFileName = FingerprintFacts.HtmlFileName;

    /// <summary>Runs the pass.</summary>
    /// <exception cref="FedmdException">The pass refused to publish or failed; the previous publication is untouched.</exception>
    public PassOutcome Run(PassSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var passLock = PassLock.Acquire(options.StateDirectory);
        var now = clock.GetUtcNow();
        var ledgerPath = AggregatorComponents.LedgerPath(options);
        var ledger = LedgerFile.Read(ledgerPath);
        var outcome = BuildFeeds(settings, ledger, now);

        var certificate = SigningCertificateInfo.From(signing.Certificate);
        var feeds = outcome.Feeds
            .Select(f => new SignedFeed(f.Definition.FileName, Sign(f), f.Header.ValidUntil, f.Header.CacheDuration, f.Entities.Count))
            .ToList();

        // Record first-seen instants before publishing them, so that every published instant is in the ledger. Imported
        // entities keep their home federation's registration and stay out of ours.
        var registered = outcome.Feeds.SelectMany(f => f.Entities).Intersect(outcome.Registry.Accepted).Select(i => i.Summary!.EntityId);
        AtomicFileWriter.Write(ledgerPath, LedgerFile.Serialize(ledger.WithFirstSeen(registered, now)));
        using var publishing = PublishingComponents.Create(options, settings.PublishDirectory, signing.Verifier, log, clock);
        var published = publishing.Publish(feeds, ReportFiles.For(outcome.Report), certificate, now);
        ReportFiles.WriteBaseline(options.StateDirectory, outcome.Report);
        foreach (var feed in outcome.Feeds)
        {
            log.Information("Published {File} ({Entities} entities, validUntil {ValidUntil}) signed by {Fingerprint}",
                feed.Definition.FileName, feed.Entities.Count, XsDateTime.Format(feed.Header.ValidUntil), certificate.Sha256.ToString());
        }

        return new PassOutcome(
            outcome.Result.Accepted,
            outcome.Result.Rejected,
            outcome.Result.Accepted.Where(i => i.Messages.Count > 0).ToList(),
            certificate.Sha256,
            published.WrittenPaths,
            outcome.Feeds[0].Header.ValidUntil,
            published.Targets);
    }

    private AggregationOutcome BuildFeeds(PassSettings settings, RegistrationLedger ledger, DateTimeOffset now)
    {
        var items = new RegistryDirectory(settings.EntitiesDirectory, options.Registry.MaxEntityBytes).ReadItems();
        var sources = AggregatorComponents.ImportSourcesAsync(options, clock).GetAwaiter().GetResult();
        var outcome = AggregatorComponents.CreateAggregation(options, ledger, now, guarded: true, settings.AllowDrop)
            .Run("run", settings.EntitiesDirectory, items, ReportFiles.ReadBaseline(options.StateDirectory, settings.PublishDirectory), now, sources);

        // Each registry finding is logged; imported entities (thousands for eduGAIN) are counted here and itemised in the report.
        foreach (var item in outcome.Registry.Items)
        {
            foreach (var message in item.Messages)
            {
                log.Information("{Source}: {Finding}", item.Source, message.ToString());
            }
        }

        log.Information("Registry {Directory}: {Accepted} entities accepted, {Rejected} rejected",
            settings.EntitiesDirectory, outcome.Registry.Accepted.Count, outcome.Registry.Rejected.Count);
        LogSources(sources);
        if (outcome.IsRefused)
        {
            var report = ReportFiles.WriteRefused(options.StateDirectory, outcome.Report);
            throw new FedmdException(FailureKind.InvalidDocument,
                $"refusing to publish: {string.Join("; ", outcome.Report.Refusals)} (the previous publication is untouched; report in {report})");
        }

        return outcome;
    }

    private void LogSources(IReadOnlyList<SourceImport> sources)
    {
        foreach (var source in sources)
        {
            var status = source.Status;
            switch (status.State)
            {
                case SourceState.Fallback:
                    log.Warning("Source {Source}: {Failure}; using its last good copy until {ValidUntil}", status.Name, status.Failure, XsDateTime.Format(status.ValidUntil!.Value));
                    break;
                case SourceState.Unavailable:
                    log.Error("Source {Source} is unavailable: {Failure}", status.Name, status.Failure);
                    break;
                default:
                    log.Information("Source {Source} {State} from {Url}, validUntil {ValidUntil}", status.Name, status.State, status.Url, XsDateTime.Format(status.ValidUntil!.Value));
                    break;
            }

            log.Information("Source {Source}: {Accepted} entities accepted, {Rejected} rejected, {Filtered} filtered out (details in the report)",
                status.Name, source.Accepted.Count, source.Items.Count - source.Accepted.Count, source.Filtered.Count);
        }
    }

    private byte[] Sign(FeedPlan feed)
    {
        using var buffer = new MemoryStream();
        new AggregateWriter(new SafeXmlLoader(options.Registry.MaxEntityBytes)).Write(buffer, feed.Header, feed.Entities);
        return signing.Signer.Sign(new SigningRequest(Path.GetFileNameWithoutExtension(feed.Definition.FileName), buffer.GetBuffer().AsMemory(0, (int)buffer.Length), feed.Entities.Count, feed.Header.ValidUntil));
    }
}
