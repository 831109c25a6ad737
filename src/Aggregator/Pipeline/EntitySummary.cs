using System.Xml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// The little that registry-wide stages (duplicates, feed selection, counts) need to know about an entity, kept so
/// that no stage needs all entities as DOMs at once.
/// </summary>
/// <param name="EntityId">The entityID attribute as written.</param>
/// <param name="Roles">Local names of the role descriptors, e.g. <c>IDPSSODescriptor</c>.</param>
/// <param name="EntityAttributes">Entity attribute values by attribute name (entity categories and the like).</param>
/// <param name="ValidUntil">The entity's own validUntil, when it has one; the aggregate may not outlive it.</param>
public sealed record EntitySummary(
    string EntityId,
    IReadOnlySet<string> Roles,
    IReadOnlyDictionary<string, IReadOnlySet<string>> EntityAttributes,
    DateTimeOffset? ValidUntil = null)
{
    /// <summary>Reads the summary from an entity's DOM.</summary>
    public static EntitySummary FromDocument(XmlDocument entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var root = entity.DocumentElement!;
        var roles = root.ChildNodes.OfType<XmlElement>()
            .Where(e => e.NamespaceURI == SamlNamespaces.Metadata && e.LocalName.EndsWith("Descriptor", StringComparison.Ordinal))
            .Select(e => e.LocalName)
            .ToHashSet(StringComparer.Ordinal);
        var attributes = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var extensions = root.ChildNodes.OfType<XmlElement>()
            .FirstOrDefault(e => e.NamespaceURI == SamlNamespaces.Metadata && e.LocalName == "Extensions");
        if (extensions is not null)
        {
            foreach (var attribute in extensions.GetElementsByTagName("Attribute", SamlNamespaces.Assertion).OfType<XmlElement>())
            {
                if (attribute.ParentNode is not XmlElement { LocalName: "EntityAttributes", NamespaceURI: SamlNamespaces.Attribute })
                {
                    continue;
                }

                var values = attribute.GetElementsByTagName("AttributeValue", SamlNamespaces.Assertion)
                    .OfType<XmlElement>().Select(v => v.InnerText.Trim());
                var name = attribute.GetAttribute("Name");
                var merged = attributes.TryGetValue(name, out var existing) ? existing.Concat(values) : values;
                attributes[name] = merged.ToHashSet(StringComparer.Ordinal);
            }
        }

        return new EntitySummary(root.GetAttribute("entityID"), roles, attributes, XsDateTime.ParseOrNull(root.GetAttribute("validUntil")));
    }
}
