using System.Globalization;
using Fedmd.Fetcher;
using Fedmd.Verification;

namespace Fedmd.Pass.Monitoring;

/// <summary>
/// One feed at one target, judged as a participant would: fetched over HTTP by the participant's fetcher (or read from
/// the web root when no URL is configured), verified strictly against the pinned signing certificate, then its
/// validUntil left and age against the thresholds. A feed that cannot be fetched or does not verify is critical:
/// participants cannot use it.
/// </summary>
public sealed class PublishedFeedCheck(string fileName, FeedLocation location, VerificationOptions verification, MonitoringThresholds thresholds, TimeProvider clock)
    : IStatusCheck
{
    /// <summary>How long one fetch may take.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    private string Subject => $"{fileName}@{location.Target}";

    /// <inheritdoc />
    public async Task<StatusLine> CheckAsync(CancellationToken cancellationToken)
    {
        if (location.BaseUrl is { } baseUrl)
        {
            return await FetchAsync(new Uri(baseUrl, fileName), cancellationToken).ConfigureAwait(false);
        }

        if (location.Directory is { } directory)
        {
            var path = Path.Combine(directory, fileName);
            if (!File.Exists(path))
            {
                return Line(StatusLevel.Critical, $"{path} is not published");
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var result = new StrictVerifier(verification with { Clock = clock }).Verify(bytes);
            return result.IsValid
                ? Judge(PublishedFeed.Read(bytes, result.ValidUntil!.Value), path)
                : Line(StatusLevel.Critical, $"{path} does not verify: {result.Failure}");
        }

        return Line(StatusLevel.Unknown, $"not checked: {location.MissingHint}");
    }

    private async Task<StatusLine> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        // A fresh file each time: no cache validators, so every check is a full, unconditional fetch.
        var scratch = Path.Combine(Path.GetTempPath(), $"fedmd-status-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var request = new FetchRequest(url, Path.Combine(scratch, "feed.xml"), verification)
            {
                // Participants may fetch over plain http (the signature protects the content); the URL is the operator's.
                AllowHttp = url.Scheme == Uri.UriSchemeHttp,
                Timeout = FetchTimeout,
            };
            var outcome = await new MetadataFetcher(clock).FetchAsync(request, cancellationToken).ConfigureAwait(false);
            return outcome is { Succeeded: true, KeptDocument: { } bytes, ValidUntil: { } validUntil }
                ? Judge(PublishedFeed.Read(bytes, validUntil), url.AbsoluteUri)
                : Line(StatusLevel.Critical, outcome.Failure ?? $"{url} gave no verified document");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private StatusLine Judge(PublishedFeed feed, string where)
    {
        var now = clock.GetUtcNow();
        var left = feed.ValidUntil - now;
        var level = MonitoringThresholds.Below(left.TotalSeconds, thresholds.ValidUntilWarning.TotalSeconds, thresholds.ValidUntilCritical.TotalSeconds);
        var values = new List<StatusValue>
        {
            new($"{Subject}_valid_until", Math.Round(left.TotalSeconds), "s", thresholds.ValidUntilWarning.TotalSeconds, thresholds.ValidUntilCritical.TotalSeconds, AlertsBelow: true),
            new($"{Subject}_entities", feed.EntityCount, string.Empty),
        };
        var details = new Dictionary<string, string>
        {
            ["location"] = where,
            ["validUntil"] = feed.ValidUntil.ToString("O", CultureInfo.InvariantCulture),
        };
        var age = string.Empty;
        if (feed.CreationInstant is { } created)
        {
            var published = now - created;
            var ageLevel = MonitoringThresholds.Above(published.TotalSeconds, thresholds.PublicationAgeWarning.TotalSeconds, thresholds.PublicationAgeCritical.TotalSeconds);
            level = (StatusLevel)Math.Max((int)level, (int)ageLevel);
            values.Add(new($"{Subject}_age", Math.Round(published.TotalSeconds), "s", thresholds.PublicationAgeWarning.TotalSeconds, thresholds.PublicationAgeCritical.TotalSeconds));
            details["creationInstant"] = created.ToString("O", CultureInfo.InvariantCulture);
            age = $", published {Durations.Describe(published)} ago";
        }

        var advice = level == StatusLevel.Ok ? string.Empty : "; see the last pass below and the log";
        return Line(level, $"{feed.EntityCount} entities, validUntil in {Durations.Describe(left)}{age}{advice}") with { Values = values, Details = details };
    }

    private StatusLine Line(StatusLevel level, string summary) => new("feed", Subject, level, summary);
}
