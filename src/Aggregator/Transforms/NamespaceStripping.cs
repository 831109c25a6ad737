using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Removes the elements and attributes of an entity whose namespace is not on the allow-list (private extensions
/// such as a federation's own discovery hints): consumers may reject what they do not know. An md:Extensions left
/// empty is removed too, because the schema requires it to hold something. Reported as a warning per namespace.
/// </summary>
internal sealed class NamespaceStripping(IReadOnlySet<string> allowed) : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "transform.namespace-stripped";

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var removed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var root = entity.DocumentElement!;
        foreach (var element in root.GetElementsByTagName("*").OfType<XmlElement>().ToList())
        {
            if (element.ParentNode is null || !IsInDocument(element, root))
            {
                continue;
            }

            if (IsForeign(element.NamespaceURI))
            {
                Count(removed, element.NamespaceURI);
                var parent = (XmlElement)element.ParentNode;
                parent.RemoveChild(element);
                RemoveIfEmptyExtensions(parent);
                continue;
            }

            foreach (var attribute in element.Attributes.OfType<XmlAttribute>().Where(a => IsForeign(a.NamespaceURI)).ToList())
            {
                Count(removed, attribute.NamespaceURI);
                element.Attributes.Remove(attribute);
            }
        }

        foreach (var (ns, count) in removed)
        {
            item.AddWarning(Rule, $"removed {count} element(s) or attribute(s) in namespace {ns}, which is not on the allow-list (Validation:AllowedNamespaces)");
        }
    }

    private bool IsForeign(string ns) => ns.Length > 0 && ns != XmlnsNamespace && !allowed.Contains(ns);

    private static bool IsInDocument(XmlNode node, XmlElement root)
    {
        for (var current = node; current is not null; current = current.ParentNode)
        {
            if (current == root)
            {
                return true;
            }
        }

        return false;
    }

    private static void RemoveIfEmptyExtensions(XmlElement parent)
    {
        if (parent is { LocalName: "Extensions", NamespaceURI: SamlNamespaces.Metadata } && !parent.ChildNodes.OfType<XmlElement>().Any())
        {
            parent.ParentNode?.RemoveChild(parent);
        }
    }

    private static void Count(SortedDictionary<string, int> removed, string ns) => removed[ns] = removed.GetValueOrDefault(ns) + 1;
}
