using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Gives a bare contact address (<c>iam@example.org</c>) the <c>mailto:</c> prefix SAML metadata requires, so that
/// consumers can use it; the repair is reported as a warning.
/// </summary>
internal sealed class MailtoRepair : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "transform.mailto-added";

    private const string Mailto = "mailto:";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var address in entity.GetElementsByTagName("EmailAddress", SamlNamespaces.Metadata).OfType<XmlElement>())
        {
            var text = address.InnerText.Trim();
            if (text.Contains('@', StringComparison.Ordinal) && !text.StartsWith(Mailto, StringComparison.OrdinalIgnoreCase) && !text.Any(char.IsWhiteSpace))
            {
                address.InnerText = Mailto + text;
                item.AddWarning(Rule, $"contact address '{text}' had no mailto: prefix; published as '{Mailto}{text}'");
            }
        }
    }
}
