using System.Xml;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Removes a registered entity's own <c>validUntil</c> and <c>cacheDuration</c> (on the EntityDescriptor and its role
/// descriptors): the federation sets validity on the aggregate, and one participant's short or past validUntil must
/// neither shorten every feed nor stop the publication. Reported as a warning. Imported entities keep theirs: there it
/// is their home federation's word.
/// </summary>
internal sealed class ValidityStripping : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "transform.validity-removed";

    private static readonly string[] Attributes = ["validUntil", "cacheDuration"];

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var root = entity.DocumentElement!;
        var removed = new List<string>();
        foreach (var element in root.ChildNodes.OfType<XmlElement>().Prepend(root))
        {
            foreach (var name in Attributes.Where(element.HasAttribute))
            {
                removed.Add($"{element.LocalName}/@{name}='{element.GetAttribute(name)}'");
                element.RemoveAttribute(name);
            }
        }

        if (removed.Count > 0)
        {
            item.AddWarning(Rule, $"removed {string.Join(", ", removed)}; the federation sets validUntil and cacheDuration on the aggregate");
        }
    }
}
