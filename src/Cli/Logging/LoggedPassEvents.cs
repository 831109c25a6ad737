using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Sources;
using Fedmd.Metadata.Values;
using Fedmd.Pass;
using Fedmd.Publisher.Publication;
using Serilog;
using Serilog.Events;

namespace Fedmd.Cli.Logging;

/// <summary>Writes what a pass tells its operator to the log.</summary>
internal sealed class LoggedPassEvents(ILogger log) : IPassEvents
{
    /// <inheritdoc />
    public void Judged(string registry, Judgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);

        // Each registry finding is logged; imported entities (thousands for eduGAIN) are counted here and itemised in the report.
        foreach (var item in judgement.Registry.Items)
        {
            foreach (var message in item.Messages)
            {
                log.Information("{Source}: {Finding}", item.Source, message.ToString());
            }
        }

        log.Information("Registry {Directory}: {Accepted} entities accepted, {Rejected} rejected",
            registry, judgement.Registry.Accepted.Count, judgement.Registry.Rejected.Count);
        foreach (var source in judgement.Sources)
        {
            LogSource(source);
        }
    }

    /// <inheritdoc />
    public void Published(SignedFeeds feeds, PublicationRun run)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var outcome in run.Targets)
        {
            log.Write(outcome.Succeeded ? LogEventLevel.Information : LogEventLevel.Warning, "Publication target {Outcome}", outcome.ToString());
        }

        foreach (var feed in feeds.Feeds)
        {
            log.Information("Published {File} ({Entities} entities, validUntil {ValidUntil}) signed by {Fingerprint}",
                feed.FileName, feed.EntityCount, XsDateTime.Format(feed.ValidUntil), feeds.Certificate.Sha256.ToString());
        }
    }

    private void LogSource(SourceImport source)
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
