using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// Turns an item's bytes into a DOM safely (DTD prohibited, no resolver, size cap) and insists on one
/// <c>md:EntityDescriptor</c> as the root; anything else marks the item and yields no DOM.
/// </summary>
public sealed class EntityParser(SafeXmlLoader loader)
{
    /// <summary>Rule: the file is too large.</summary>
    public const string SizeRule = "xml.size";

    /// <summary>Rule: the file is not well-formed XML (or holds more than one root element).</summary>
    public const string WellFormedRule = "xml.well-formed";

    /// <summary>Rule: the file declares a DTD.</summary>
    public const string DtdRule = "xml.dtd";

    /// <summary>Rule: the bytes are not valid in the document's encoding (e.g. invalid UTF-8).</summary>
    public const string EncodingRule = "xml.encoding";

    /// <summary>Rule: the root is not one md:EntityDescriptor.</summary>
    public const string RootRule = "xml.root";

    /// <summary>Parses the item, or marks it and returns null.</summary>
    public XmlDocument? Parse(EntityItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Length == 0)
        {
            item.AddError(WellFormedRule, "the file is empty; it must hold one md:EntityDescriptor");
            return null;
        }

        if (item.Length > loader.MaxBytes)
        {
            item.AddError(SizeRule, $"the file is {item.Length} bytes, over the limit of {loader.MaxBytes}");
            return null;
        }

        XmlDocument document;
        try
        {
            document = loader.Load(item.Bytes);
        }
        catch (UnsafeXmlException e)
        {
            item.AddError(RuleFor(e.Reason), e.Message);
            return null;
        }

        var root = document.DocumentElement!;
        if (root.NamespaceURI != SamlNamespaces.Metadata || root.LocalName != "EntityDescriptor")
        {
            item.AddError(RootRule,
                $"the root element is {root.Name} ({root.NamespaceURI}); each registry file holds exactly one md:EntityDescriptor");
            return null;
        }

        return document;
    }

    private static string RuleFor(UnsafeXmlReason reason) => reason switch
    {
        UnsafeXmlReason.TooLarge => SizeRule,
        UnsafeXmlReason.Dtd => DtdRule,
        UnsafeXmlReason.Encoding => EncodingRule,
        UnsafeXmlReason.NotWellFormed => WellFormedRule,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "a reason without a rule"),
    };
}
