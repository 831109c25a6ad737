using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Reporting;

namespace Fedmd.Aggregator.Guards;

/// <summary>
/// A feed that imports a remote source is refused when neither a fresh fetch nor the last good copy of that source
/// verifies (eduGAIN practice: fall back to the last good copy until its validUntil, then stop): publishing without it
/// would silently drop every entity it brings.
/// </summary>
public sealed class UnavailableSourceGuard : IFeedGuard
{
    /// <inheritdoc />
    public string? Refusal(FeedPlan plan, FeedReport? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var unavailable = plan.Sources.Where(s => !s.IsUsable).ToList();
        return unavailable.Count == 0
            ? null
            : $"feed {plan.Definition.FileName} imports " + string.Join(", ", unavailable.Select(s => $"source {s.Name} ({s.Url}), which has no usable copy: {s.Failure}"))
              + "; fix the source or its pins, or remove it from the feed";
    }
}
