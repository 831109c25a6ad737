using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Trims white space around names people read (the elements of <see cref="NameWhitespaceRule"/>) and around
/// <c>shibmd:Scope</c> values, which SPs compare as written. Reported as a warning per element.
/// </summary>
internal sealed class WhitespaceTrimming : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "transform.whitespace-trimmed";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var elements = entity.GetElementsByTagName("*").OfType<XmlElement>()
            .Where(e => NameWhitespaceRule.NameElements.Contains(e.LocalName) || (e.LocalName == "Scope" && e.NamespaceURI == SamlNamespaces.Shibboleth))
            .Where(e => !e.ChildNodes.OfType<XmlElement>().Any())
            .ToList();
        foreach (var element in elements)
        {
            var text = element.InnerText;
            var trimmed = text.Trim();
            if (trimmed.Length > 0 && trimmed != text)
            {
                element.InnerText = trimmed;
                item.AddWarning(Rule, $"trimmed white space around {element.LocalName} '{trimmed}'");
            }
        }
    }
}
