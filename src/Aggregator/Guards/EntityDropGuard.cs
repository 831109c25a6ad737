using System.Globalization;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Reporting;

namespace Fedmd.Aggregator.Guards;

/// <summary>
/// A feed whose entity count falls more than the allowed fraction (10 % by default) below the previous publication is
/// refused, unless the operator confirmed the drop (<c>fedmd run --allow-drop</c>): a mass exclusion is more often a
/// broken registry or rule than a real departure.
/// </summary>
public sealed class EntityDropGuard(double maximumDrop, bool allowDrop) : IFeedGuard
{
    /// <inheritdoc />
    public string? Refusal(FeedPlan plan, FeedReport? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (allowDrop || previous is null || previous.EntityCount == 0)
        {
            return null;
        }

        var drop = (previous.EntityCount - plan.Entities.Count) / (double)previous.EntityCount;
        return drop > maximumDrop
            ? string.Create(CultureInfo.InvariantCulture,
                $"feed {plan.Definition.FileName} would drop from {previous.EntityCount} to {plan.Entities.Count} entities ({drop:P0}, more than the allowed {maximumDrop:P0}); if that is intended, run again with --allow-drop")
            : null;
    }
}
