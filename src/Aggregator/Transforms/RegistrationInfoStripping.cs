using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Removes a participant-supplied <c>mdrpi:RegistrationInfo</c>: the registrar of an entity in this registry is the
/// federation, which injects its own. Reported as a warning naming the foreign authority.
/// </summary>
internal sealed class RegistrationInfoStripping : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "transform.registration-info-removed";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var info in entity.GetElementsByTagName("RegistrationInfo", SamlNamespaces.Rpi).OfType<XmlElement>().ToList())
        {
            info.ParentNode!.RemoveChild(info);
            item.AddWarning(Rule, $"removed the participant's mdrpi:RegistrationInfo (registrationAuthority '{info.GetAttribute("registrationAuthority")}'); the federation registers its own");
        }
    }
}
