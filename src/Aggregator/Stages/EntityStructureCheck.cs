using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// Bounds an entity's shape: nesting depth, attributes per element and elements per entity. .NET's XML Signature
/// refuses to canonicalise an aggregate nested 64 levels deep, so one participant's deeply nested file would stop
/// every feed at signing time; the limits sit far below what the signer and the verifiers accept for the whole
/// aggregate (which adds one level, two with a nested EntitiesDescriptor) and far above real metadata (the shared
/// corpus peaks at depth 9, 528 elements per entity). It reads the submitted bytes, so findings carry line numbers.
/// </summary>
internal sealed class EntityStructureCheck(SafeXmlLoader loader) : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "entity.structure";

    /// <summary>Deepest element nesting allowed, counting the md:EntityDescriptor as level 1.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most attributes (namespace declarations included) on one element.</summary>
    public const int MaxAttributesPerElement = 64;

    /// <summary>Most elements in one entity.</summary>
    public const int MaxElements = 10_000;

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        // The parsed document is the submission (no stage before this one changes it): walking it costs a fraction
        // of a second parse, which only an entity over a limit needs, for the line numbers of its findings.
        if (entity.DocumentElement is not { } root || WithinLimits(root))
        {
            return;
        }

        using var reader = XmlReader.Create(new MemoryStream(item.Bytes, writable: false), loader.CreateReaderSettings());
        var lines = (IXmlLineInfo)reader;
        var elements = 0;
        bool tooDeep = false, tooManyAttributes = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            // XmlReader.Depth counts from 0 at the root element.
            var depth = reader.Depth + 1;
            if (depth > MaxDepth && !tooDeep)
            {
                tooDeep = true;
                item.AddError(Rule, $"{reader.Name} at line {lines.LineNumber} is nested {depth} levels deep, over the limit of {MaxDepth}; flatten the entity");
            }

            if (reader.AttributeCount > MaxAttributesPerElement && !tooManyAttributes)
            {
                tooManyAttributes = true;
                item.AddError(Rule, $"{reader.Name} at line {lines.LineNumber} has {reader.AttributeCount} attributes, over the limit of {MaxAttributesPerElement}");
            }

            if (++elements > MaxElements)
            {
                item.AddError(Rule, $"the entity has more than {MaxElements} elements (the limit); split or trim it");
                return;
            }
        }
    }

    private static bool WithinLimits(XmlElement root)
    {
        var elements = 0;
        var open = new Stack<(XmlElement Element, int Depth)>();
        open.Push((root, 1));
        while (open.TryPop(out var next))
        {
            if (next.Depth > MaxDepth || next.Element.Attributes.Count > MaxAttributesPerElement || ++elements > MaxElements)
            {
                return false;
            }

            for (var child = next.Element.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is XmlElement element)
                {
                    open.Push((element, next.Depth + 1));
                }
            }
        }

        return true;
    }
}
