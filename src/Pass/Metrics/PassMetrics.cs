using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Pass.Metrics;

/// <summary>
/// A successful pass as Prometheus gauges: when it succeeded, how long each step took, what each feed holds and until
/// when, what each source contributed, and when the signing certificate expires. Metric names are documented in
/// docs/monitoring.md; alert rules depend on them, so they do not change.
/// </summary>
internal static class PassMetrics
{
    /// <summary>The label naming the federation's own registry among the sources.</summary>
    public const string RegistrySource = "registry";

    /// <summary>Renders the metrics of <paramref name="publication"/>, whose pass ended as <paramref name="outcome"/>.</summary>
    public static string Render(Publication publication, PassOutcome outcome, IReadOnlyList<StepDuration> steps)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(steps);
        var aggregation = publication.Feeds.Aggregation;
        var text = new PrometheusText();
        text.Gauge("fedmd_last_success_timestamp_seconds", "When the last pass that published started, in Unix seconds.")
            .Sample("fedmd_last_success_timestamp_seconds", outcome.PassedAt.ToUnixTimeSeconds());

        text.Gauge("fedmd_pass_step_duration_seconds", "How long each step of the last successful pass took.");
        foreach (var step in steps)
        {
            text.Sample("fedmd_pass_step_duration_seconds", step.Elapsed.TotalSeconds, ("step", step.Step));
        }

        text.Gauge("fedmd_feed_entities", "Entities in each published feed.");
        foreach (var feed in publication.Feeds.Feeds)
        {
            text.Sample("fedmd_feed_entities", feed.EntityCount, ("feed", feed.FileName));
        }

        text.Gauge("fedmd_feed_valid_until_timestamp_seconds", "validUntil of each published feed, in Unix seconds.");
        foreach (var feed in publication.Feeds.Feeds)
        {
            text.Sample("fedmd_feed_valid_until_timestamp_seconds", feed.ValidUntil.ToUnixTimeSeconds(), ("feed", feed.FileName));
        }

        text.Gauge("fedmd_source_entities", "Entities of each source by outcome: accepted, rejected by the rules, or filtered out by the source's filters.");
        Sources(text, RegistrySource, aggregation.Registry.Items, 0);
        foreach (var source in aggregation.Sources)
        {
            Sources(text, source.Status.Name, source.Items, source.Filtered.Count);
        }

        text.Gauge("fedmd_target_published", "1 when the target took the last pass's publication, 0 when it failed.");
        foreach (var target in outcome.Targets)
        {
            text.Sample("fedmd_target_published", target.Succeeded ? 1 : 0, ("target", target.Target));
        }

        text.Gauge("fedmd_signing_certificate_not_after_timestamp_seconds", "When the signing certificate expires, in Unix seconds.")
            .Sample("fedmd_signing_certificate_not_after_timestamp_seconds", publication.Feeds.Certificate.NotAfter.ToUnixTimeSeconds());
        return text.ToString();
    }

    private static void Sources(PrometheusText text, string source, IReadOnlyList<EntityItem> items, int filtered)
    {
        var rejected = items.Count(i => i.HasErrors);
        text.Sample("fedmd_source_entities", items.Count - rejected, ("source", source), ("outcome", "accepted"))
            .Sample("fedmd_source_entities", rejected, ("source", source), ("outcome", "rejected"))
            .Sample("fedmd_source_entities", filtered, ("source", source), ("outcome", "filtered"));
    }
}
