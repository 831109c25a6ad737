using System.Xml;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Stages;

/// <summary>An entity file is UTF-8 or UTF-16: other encodings are legal XML but break consumers that assume UTF-8.</summary>
internal sealed class EncodingCheck : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = EntityParser.EncodingRule;

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var declared = (entity.FirstChild as XmlDeclaration)?.Encoding ?? string.Empty;
        if (declared.Length > 0 && !declared.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !declared.Equals("UTF-16", StringComparison.OrdinalIgnoreCase))
        {
            item.AddError(Rule, $"the file is encoded as {declared}; save it as UTF-8");
        }
    }
}
