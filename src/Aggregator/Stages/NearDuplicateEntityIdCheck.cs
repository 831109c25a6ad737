using Fedmd.Aggregator.Identifiers;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// No two entityIDs look alike: equal after NFKC, with invisible characters, accents and Cyrillic or Greek look-alike
/// letters removed, the host lower-cased and trailing slashes dropped, they are a person's mistake or an attacker's
/// homograph of a registered entity. The entity the ledger saw first keeps its place and the newcomers are reported;
/// when the ledger cannot tell, the one entityID written plainly (equal to its own skeleton) keeps it, else the one
/// without other errors; when none stands out, every one is reported.
/// </summary>
/// <param name="severity">An error for the registry, a warning for imported entities.</param>
internal sealed class NearDuplicateEntityIdCheck(Severity severity) : IRegistryStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "entityid.near-duplicate";

    /// <inheritdoc />
    public void Apply(IReadOnlyList<EntityItem> items, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(context);
        var groups = Named(items)
            .GroupBy(i => EntityIdSkeleton.Of(i.Summary!.EntityId), StringComparer.Ordinal)
            .Select(g => g.ToList())
            .Where(g => g.Select(i => i.Summary!.EntityId).Distinct(StringComparer.Ordinal).Count() > 1);
        foreach (var group in groups)
        {
            var kept = Genuine(group, context);
            foreach (var item in group.Where(i => i.Summary!.EntityId != kept))
            {
                var others = group.Where(o => o.Summary!.EntityId != item.Summary!.EntityId)
                    .Select(o => $"{o.Summary!.EntityId} ({o.Source})").Distinct(StringComparer.Ordinal);
                Report(item, string.Join(", ", others));
            }
        }
    }

    /// <summary>
    /// Reports each of <paramref name="items"/> (one imported source's) that looks like, but is not, an entityID of
    /// <paramref name="registered"/> (the registry's), which always keeps its place.
    /// </summary>
    public void ApplyAgainst(IReadOnlyList<EntityItem> registered, IReadOnlyList<EntityItem> items)
    {
        ArgumentNullException.ThrowIfNull(registered);
        ArgumentNullException.ThrowIfNull(items);
        var owners = new Dictionary<string, EntityItem>(StringComparer.Ordinal);
        foreach (var owner in Named(registered))
        {
            owners.TryAdd(EntityIdSkeleton.Of(owner.Summary!.EntityId), owner);
        }

        foreach (var item in Named(items))
        {
            if (owners.TryGetValue(EntityIdSkeleton.Of(item.Summary!.EntityId), out var owner) && owner.Summary!.EntityId != item.Summary!.EntityId)
            {
                Report(item, $"the registry's {owner.Summary.EntityId} ({owner.Source})");
            }
        }
    }

    private void Report(EntityItem item, string lookAlikes) => item.Add(new ItemMessage(Rule, severity,
        $"entityID {item.Summary!.EntityId} looks like {lookAlikes}: they differ only in invisible characters, accents, look-alike letters, host case or a trailing slash; register the genuine entityID only"));

    private static IEnumerable<EntityItem> Named(IEnumerable<EntityItem> items) =>
        items.Where(i => i.Summary is { EntityId.Length: > 0 });

    // The entityID that keeps its place, or null when none stands out.
    private static string? Genuine(IReadOnlyList<EntityItem> group, PassContext context)
    {
        var ids = group.Select(i => i.Summary!.EntityId).Distinct(StringComparer.Ordinal).ToList();
        var registered = ids.Where(context.Ledger.Entries.ContainsKey).OrderBy(id => context.Ledger.Entries[id]).ToList();
        if (registered.Count == 1 || (registered.Count > 1 && context.Ledger.Entries[registered[0]] < context.Ledger.Entries[registered[1]]))
        {
            return registered[0];
        }

        var plain = ids.Where(id => EntityIdSkeleton.Of(id) == id).ToList();
        if (plain.Count == 1)
        {
            return plain[0];
        }

        var clean = group.Where(i => !i.HasErrors).Select(i => i.Summary!.EntityId).Distinct(StringComparer.Ordinal).ToList();
        return clean.Count == 1 ? clean[0] : null;
    }
}
