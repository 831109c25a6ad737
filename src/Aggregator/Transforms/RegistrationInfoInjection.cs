using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Injects the federation's <c>mdrpi:RegistrationInfo</c> as the first child of the entity's <c>md:Extensions</c>
/// (created when missing): the registration authority, the first-seen instant from the ledger (stable across runs),
/// and the registration policy in English. The ledger and the moment are the pass's (<see cref="PassContext"/>).
/// </summary>
internal sealed class RegistrationInfoInjection(RegistrationPolicy policy) : IEntityStage
{
    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(context);
        var root = entity.DocumentElement!;
        var extensions = root.ChildNodes.OfType<XmlElement>()
            .FirstOrDefault(e => e.NamespaceURI == SamlNamespaces.Metadata && e.LocalName == "Extensions");
        if (extensions is null)
        {
            extensions = entity.CreateElement(root.Prefix, "Extensions", SamlNamespaces.Metadata);
            var after = root.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.NamespaceURI == SamlNamespaces.DSig && e.LocalName == "Signature");
            root.InsertAfter(extensions, after);
        }

        var info = entity.CreateElement("mdrpi", "RegistrationInfo", SamlNamespaces.Rpi);
        info.SetAttribute("registrationAuthority", policy.Authority);
        info.SetAttribute("registrationInstant", XsDateTime.Format(context.Ledger.InstantFor(root.GetAttribute("entityID"), context.Now)));
        var policyElement = entity.CreateElement("mdrpi", "RegistrationPolicy", SamlNamespaces.Rpi);
        var lang = entity.CreateAttribute("xml", "lang", SamlNamespaces.Xml);
        lang.Value = "en";
        policyElement.Attributes.Append(lang);
        policyElement.InnerText = policy.PolicyUrl;
        info.AppendChild(policyElement);
        extensions.PrependChild(info);
    }
}
