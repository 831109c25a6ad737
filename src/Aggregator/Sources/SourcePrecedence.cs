using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Sources;

/// <summary>
/// One entityID, one publisher: an imported entity whose entityID the registry also holds is not published (the
/// registry's entity wins, and is not faulted for it), and of sources holding the same entityID the first configured
/// wins. The shadowed copies are reported with <see cref="Rule"/>.
/// </summary>
internal static class SourcePrecedence
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "source.shadowed";

    /// <summary>Marks the imported items that a registry entity or an earlier source's entity shadows.</summary>
    public static void Apply(IReadOnlyList<EntityItem> registry, IReadOnlyList<SourceImport> sources)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(sources);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in registry.Where(i => i.Summary is { EntityId.Length: > 0 }))
        {
            owners.TryAdd(item.Summary!.EntityId, $"the registry's {item.Source}");
        }

        foreach (var source in sources)
        {
            var claimed = new List<string>();
            foreach (var item in source.Items.Where(i => i.Summary is { EntityId.Length: > 0 }))
            {
                var entityId = item.Summary!.EntityId;
                if (owners.TryGetValue(entityId, out var owner))
                {
                    item.AddError(Rule, $"entityID {entityId} is also published from {owner}, which takes precedence; this copy from source {source.Status.Name} is left out");
                }
                else
                {
                    claimed.Add(entityId);
                }
            }

            foreach (var entityId in claimed)
            {
                owners.TryAdd(entityId, $"source {source.Status.Name}");
            }
        }
    }
}
