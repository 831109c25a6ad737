using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// Every prefix used inside an <c>xsi:type</c> value is declared: the parser cannot see prefixes inside attribute
/// values, so an undeclared one survives parsing and breaks every consumer that resolves the type.
/// </summary>
internal sealed class XsiTypePrefixCheck : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "namespace.xsi-type-prefix";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var element in entity.GetElementsByTagName("*").OfType<XmlElement>().Where(e => e.HasAttribute("type", SamlNamespaces.Xsi)))
        {
            var value = element.GetAttribute("type", SamlNamespaces.Xsi).Trim();
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var prefix = colon < 0 ? string.Empty : value[..colon];
            if (element.GetNamespaceOfPrefix(prefix).Length == 0)
            {
                item.AddError(Rule, $"{element.Name} has xsi:type=\"{value}\" but the prefix '{prefix}' is not declared; declare xmlns:{prefix}");
            }
        }
    }
}
