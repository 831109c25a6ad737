using System.Text;
using System.Xml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Sources;

/// <summary>
/// Splits a verified aggregate into standalone entity documents by streaming it, without a DOM of the whole. Each
/// <c>md:EntityDescriptor</c>, at any depth of nested <c>md:EntitiesDescriptor</c>s, becomes a document whose root
/// declares every namespace in scope where it stood: prefixes inside attribute values and text (xsi:type, QNames)
/// rely on ancestors' declarations that a plain copy would lose. Its validUntil becomes the earliest of its own and
/// its ancestors', because outside the aggregate nothing else would carry that limit.
/// </summary>
internal sealed class AggregateSplitter(SafeXmlLoader loader)
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string ValidUntil = "validUntil";

    /// <summary>
    /// The entity documents of <paramref name="aggregate"/>, in document order, each made as the enumeration reaches
    /// it, so that a caller that keeps none holds one entity at a time.
    /// </summary>
    /// <exception cref="XmlException">The document is not well-formed (it cannot be, once verified).</exception>
    public IEnumerable<byte[]> Split(byte[] aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return Entities(aggregate);
    }

    private IEnumerable<byte[]> Entities(byte[] aggregate)
    {
        var limits = new Stack<DateTimeOffset?>();
        using var reader = XmlReader.Create(new MemoryStream(aggregate, writable: false), loader.CreateReaderSettings());
        reader.MoveToContent();
        while (!reader.EOF)
        {
            var limit = limits.Count > 0 ? limits.Peek() : null;
            if (reader is { NodeType: XmlNodeType.Element, NamespaceURI: SamlNamespaces.Metadata, LocalName: "EntityDescriptor" })
            {
                yield return Copy(reader, limit);
            }
            else if (reader is { NodeType: XmlNodeType.Element, NamespaceURI: SamlNamespaces.Metadata, LocalName: "EntitiesDescriptor" })
            {
                if (!reader.IsEmptyElement)
                {
                    limits.Push(Earliest(limit, XsDateTime.ParseOrNull(reader.GetAttribute(ValidUntil))));
                }

                reader.Read();
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                // The aggregate's own Signature and Extensions belong to it, not to any entity.
                reader.Skip();
            }
            else
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    limits.Pop();
                }

                reader.Read();
            }
        }
    }

    private static byte[] Copy(XmlReader reader, DateTimeOffset? limit)
    {
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), CloseOutput = false };
        using (var writer = XmlWriter.Create(output, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
            foreach (var (prefix, uri) in ((IXmlNamespaceResolver)reader).GetNamespacesInScope(XmlNamespaceScope.ExcludeXml))
            {
                if (uri.Length > 0)
                {
                    writer.WriteAttributeString(prefix.Length == 0 ? null : "xmlns", prefix.Length == 0 ? "xmlns" : prefix, XmlnsNamespace, uri);
                }
            }

            CopyAttributes(reader, writer, limit);
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                reader.Read();
                while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    writer.WriteNode(reader, defattr: false);
                }
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        reader.Read();
        return output.ToArray();
    }

    private static void CopyAttributes(XmlReader reader, XmlWriter writer, DateTimeOffset? limit)
    {
        var wroteValidUntil = false;
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (reader.NamespaceURI == XmlnsNamespace)
            {
                continue;
            }

            var value = reader.Value;
            if (reader is { LocalName: ValidUntil, NamespaceURI.Length: 0 })
            {
                // An unreadable value stays as written: schema validation rejects the entity for it.
                value = XsDateTime.ParseOrNull(value) is { } own ? XsDateTime.Format(Earliest(limit, own)!.Value) : value;
                wroteValidUntil = true;
            }

            writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, value);
        }

        reader.MoveToElement();
        if (!wroteValidUntil && limit is { } inherited)
        {
            writer.WriteAttributeString(ValidUntil, XsDateTime.Format(inherited));
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
