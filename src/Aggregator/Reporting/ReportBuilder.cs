using System.Security.Cryptography;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Reporting;

/// <summary>Builds the run report from the pipeline result, the feed plans and the previous publication's report.</summary>
internal static class ReportBuilder
{
    /// <summary>Builds the report.</summary>
    public static RunReport Build(string kind, DateTimeOffset generated, string registry, PipelineResult result, IReadOnlyList<FeedPlan> feeds, RunReport? previous, IReadOnlyList<string> refusals)
    {
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
            feeds.Select(f => FeedReportOf(f, previous?.Feeds.FirstOrDefault(p => p.FileName == f.Definition.FileName))).ToList(),
            refusals);
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
