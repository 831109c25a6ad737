using System.Xml;
using Fedmd.Aggregator.Identifiers;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// No label of an entityID's host mixes writing systems: a Cyrillic <c>а</c> among Latin letters is the classic
/// homograph, displaying like the genuine host while naming another. <c>xn--</c> labels are judged as displayed.
/// </summary>
/// <param name="severity">An error for the registry, a warning for imported entities.</param>
internal sealed class EntityIdMixedScriptCheck(Severity severity) : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "entityid.mixed-script";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var host = EntityIdHost.Of(entity.DocumentElement!.GetAttribute("entityID"));
        var mixed = host is null ? null : EntityIdHost.UnicodeLabels(host).FirstOrDefault(ScriptMix.IsMixed);
        if (mixed is not null)
        {
            item.Add(new ItemMessage(Rule, severity,
                $"the entityID's host label '{mixed}' mixes scripts ({string.Join(", ", ScriptMix.ScriptsOf(mixed))}); a look-alike of a Latin host is a homograph: use one script per label"));
        }
    }
}
