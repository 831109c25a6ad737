using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Transforms;

/// <summary>
/// Removes every <c>ds:Signature</c> inside the entity: a participant's own signature would not survive aggregation
/// and signing, and consumers trust the federation's signature only. Reported as a warning, never a rejection.
/// </summary>
internal sealed class SignatureStripping : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "transform.signature-removed";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var signatures = entity.GetElementsByTagName("Signature", SamlNamespaces.DSig).OfType<XmlElement>().ToList();
        foreach (var signature in signatures)
        {
            signature.ParentNode!.RemoveChild(signature);
        }

        if (signatures.Count > 0)
        {
            item.AddWarning(Rule, $"removed {signatures.Count} ds:Signature element(s); the federation signs the aggregate");
        }
    }
}
