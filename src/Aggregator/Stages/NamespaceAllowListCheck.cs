using System.Xml;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// Reports element and attribute namespaces outside the federation's allow-list: a namespace no consumer knows is
/// often a typo or software leaking private extensions. A warning, because unknown extensions are legal.
/// </summary>
internal sealed class NamespaceAllowListCheck(IReadOnlySet<string> allowed) : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "namespace.allow-list";

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var elements = entity.GetElementsByTagName("*").OfType<XmlElement>().ToList();
        var used = elements.Select(e => e.NamespaceURI)
            .Concat(elements.SelectMany(e => e.Attributes.OfType<XmlAttribute>()).Select(a => a.NamespaceURI))
            .Where(n => n.Length > 0 && n != XmlnsNamespace && !allowed.Contains(n))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var ns in used)
        {
            item.AddWarning(Rule, $"namespace {ns} is not on the federation's allow-list (Validation:AllowedNamespaces); consumers may ignore or reject it");
        }
    }
}
