using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Drops an <c>mdui:Logo</c> that is empty or neither an https URL nor a <c>data:</c> URI: an http logo breaks https
/// discovery pages, and the entity is better published without it. Reported as a warning.
/// </summary>
internal sealed class LogoRepair : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "transform.logo-removed";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var logo in entity.GetElementsByTagName("Logo", SamlNamespaces.Ui).OfType<XmlElement>().ToList())
        {
            var url = logo.InnerText.Trim();
            if (!IsAllowed(url))
            {
                logo.ParentNode!.RemoveChild(logo);
                item.AddWarning(Rule, url.Length == 0
                    ? "removed an empty mdui:Logo"
                    : $"removed mdui:Logo '{(url.Length > 80 ? url[..80] + "…" : url)}': a logo must be an https URL or a data: URI");
            }
        }
    }

    private static bool IsAllowed(string url) =>
        url.StartsWith("data:", StringComparison.Ordinal) ||
        (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0);
}
