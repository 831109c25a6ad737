using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// An entityID may appear once in the registry. By default every copy is excluded, because the registry cannot tell
/// which one the participant meant; with "first wins" the first file in name order is kept.
/// </summary>
internal sealed class DuplicateEntityIdCheck(bool firstWins = false) : IRegistryStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "entityid.unique";

    /// <inheritdoc />
    public void Apply(IReadOnlyList<EntityItem> items, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        var groups = items
            .Where(i => i.Summary is not null && i.Summary.EntityId.Length > 0)
            .GroupBy(i => i.Summary!.EntityId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var copies = group.ToList();
            var sources = string.Join(", ", copies.Select(c => c.Source));
            foreach (var item in firstWins ? copies.Skip(1) : copies)
            {
                item.AddError(Rule, $"entityID {group.Key} appears in {copies.Count} files ({sources}); keep exactly one");
            }
        }
    }
}
