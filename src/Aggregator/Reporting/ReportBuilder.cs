using System.Security.Cryptography;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Reporting;

/// <summary>Builds the run report from the pipeline result, the feed plans and the previous publication's report.</summary>
public static class ReportBuilder
{
    /// <summary>
    /// Builds the report. A refused feed is reported as what stays served: its previous publication (counts and
    /// entries, so the next pass's drop guard still compares with it), marked with the refusal and when it was published.
    /// </summary>
    public static RunReport Build(string kind, DateTimeOffset generated, string registry, PipelineResult result, IReadOnlyList<FeedPlan> feeds, RunReport? previous, IReadOnlyList<FeedRefusal> refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(feeds);
        var entities = result.Items.Select(i => new EntityReport(
                i.Source,
                i.Summary?.EntityId,
                StatusOf(i),
                i.Messages.Select(m => new FindingReport(m.RuleId, m.Severity == Severity.Error ? "error" : "warning", m.Message)).ToList()))
            .ToList();
        var totals = new ReportTotals(result.Items.Count, result.Accepted.Count, result.Rejected.Count, result.Accepted.Count(i => i.Messages.Count > 0));
        return new RunReport(RunReport.CurrentSchemaVersion, kind, generated, registry, totals, entities,
            feeds.Select(f =>
            {
                var before = previous?.Feeds.FirstOrDefault(p => p.FileName == f.Definition.FileName);
                var refusal = refused.FirstOrDefault(r => r.FileName == f.Definition.FileName);
                return refusal is null ? FeedReportOf(f, before) with { PublishedAt = generated } : StaleReportOf(refusal, before, previous);
            }).ToList(),
            refused.SelectMany(r => r.Reasons).Distinct().ToList());
    }

    private static FeedReport StaleReportOf(FeedRefusal refusal, FeedReport? before, RunReport? previous)
    {
        if (before is null)
        {
            var definition = refusal.Plan.Definition;
            return new FeedReport(definition.Name, definition.FileName, refusal.Plan.Header.ValidUntil, 0, null, [], [], [], []) { Refusal = refusal.Reason };
        }

        // A feed refused again keeps the time of its last real publication; older reports lack it and give their own time.
        var publishedAt = before.Refusal is null ? before.PublishedAt ?? previous!.Generated : before.PublishedAt;
        return before with { PreviousEntityCount = before.EntityCount, Added = [], Removed = [], Changed = [], Refusal = refusal.Reason, PublishedAt = publishedAt };
    }

    /// <summary><c>accepted</c>, <c>warned</c> or <c>rejected</c>.</summary>
    public static string StatusOf(EntityItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.HasErrors ? "rejected" : item.Messages.Count > 0 ? "warned" : "accepted";
    }

    private static FeedReport FeedReportOf(FeedPlan plan, FeedReport? previous)
    {
        var entries = plan.Entities.Select(e => new FeedEntry(e.Summary!.EntityId, Convert.ToHexStringLower(SHA256.HashData(e.Bytes)))).ToList();
        var before = (previous?.Entries ?? []).ToDictionary(e => e.EntityId, e => e.Sha256, StringComparer.Ordinal);
        var now = entries.ToDictionary(e => e.EntityId, e => e.Sha256, StringComparer.Ordinal);
        return new FeedReport(
            plan.Definition.Name,
            plan.Definition.FileName,
            plan.Header.ValidUntil,
            entries.Count,
            previous?.EntityCount,
            previous is null ? [] : now.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            before.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            now.Where(e => before.TryGetValue(e.Key, out var hash) && hash != e.Value).Select(e => e.Key).Order(StringComparer.Ordinal).ToList(),
            entries);
    }
}
