using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Values;

namespace Fedmd.Aggregator.Stages;

/// <summary>The entityID must be an absolute URI of at most 1024 characters without white space.</summary>
internal sealed class EntityIdCheck : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "entityid.syntax";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var root = entity.DocumentElement!;
        var text = root.HasAttribute("entityID") ? root.GetAttribute("entityID") : null;
        if (!EntityId.TryCreate(text, out _, out var problem))
        {
            item.AddError(Rule, $"{problem}; an entityID is an absolute URI such as https://sp.example.ac.za/shibboleth");
        }
    }
}
