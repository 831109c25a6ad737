using System.Collections.Frozen;
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
    // A pass holds every entity's summary to its end (100,000 at eduGAIN's scale), so the common shapes are shared
    // immutable instances: the usual sets of roles, and one empty map for the many entities without entity attributes.
    private const string IdentityProvider = "IDPSSODescriptor";
    private const string ServiceProvider = "SPSSODescriptor";
    private static readonly FrozenSet<string> NoRoles = FrozenSet<string>.Empty;
    private static readonly FrozenSet<string> IdentityProviderOnly = new[] { IdentityProvider }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> ServiceProviderOnly = new[] { ServiceProvider }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> IdentityAndServiceProvider = new[] { IdentityProvider, ServiceProvider }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, IReadOnlySet<string>> NoEntityAttributes = FrozenDictionary<string, IReadOnlySet<string>>.Empty;

    /// <summary>Reads the summary from an entity's DOM.</summary>
    public static EntitySummary FromDocument(XmlDocument entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var root = entity.DocumentElement!;
        var roles = RolesOf(root);
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

        return new EntitySummary(root.GetAttribute("entityID"), roles, attributes.Count == 0 ? NoEntityAttributes : attributes, XsDateTime.ParseOrNull(root.GetAttribute("validUntil")));
    }

    private static IReadOnlySet<string> RolesOf(XmlElement root)
    {
        HashSet<string>? roles = null;
        for (var child = root.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is XmlElement { NamespaceURI: SamlNamespaces.Metadata } element && element.LocalName.EndsWith("Descriptor", StringComparison.Ordinal))
            {
                (roles ??= new HashSet<string>(StringComparer.Ordinal)).Add(element.LocalName);
            }
        }

        return roles switch
        {
            null => NoRoles,
            { Count: 1 } when roles.Contains(IdentityProvider) => IdentityProviderOnly,
            { Count: 1 } when roles.Contains(ServiceProvider) => ServiceProviderOnly,
            { Count: 2 } when roles.Contains(IdentityProvider) && roles.Contains(ServiceProvider) => IdentityAndServiceProvider,
            _ => roles,
        };
    }
}
