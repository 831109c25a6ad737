using Fedmd.Metadata.Values;
using System.Globalization;
using System.Text;
using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Assembly;

/// <summary>
/// Writes an <c>md:EntitiesDescriptor</c> as a stream: the header, then each entity copied from its bytes one at a
/// time, in entityID order so that two runs over the same registry differ only in timestamps, ID and signature.
/// It does not sign; signing is a separate step.
/// </summary>
public sealed class AggregateWriter(SafeXmlLoader loader)
{
    /// <summary>Writes the aggregate of <paramref name="entities"/> to <paramref name="output"/>.</summary>
    public void Write(Stream output, AggregateHeader header, IEnumerable<EntityItem> entities)
    {
        ArgumentNullException.ThrowIfNull(header);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        };
        using var writer = XmlWriter.Create(output, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("md", "EntitiesDescriptor", SamlNamespaces.Metadata);
        writer.WriteAttributeString("xmlns", "mdrpi", null, SamlNamespaces.Rpi);
        writer.WriteAttributeString("ID", header.Id);
        writer.WriteAttributeString("Name", header.Name);
        writer.WriteAttributeString("validUntil", XsDateTime.Format(header.ValidUntil));
        writer.WriteAttributeString("cacheDuration", header.CacheDuration.Text);
        writer.WriteString("\n");
        writer.WriteStartElement("md", "Extensions", SamlNamespaces.Metadata);
        writer.WriteStartElement("mdrpi", "PublicationInfo", SamlNamespaces.Rpi);
        writer.WriteAttributeString("publisher", header.Publisher);
        writer.WriteAttributeString("creationInstant", XsDateTime.Format(header.CreationInstant));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteString("\n");

        foreach (var entity in entities.OrderBy(e => e.Summary?.EntityId, StringComparer.Ordinal))
        {
            using var reader = XmlReader.Create(new MemoryStream(entity.Bytes, writable: false), loader.CreateReaderSettings());
            reader.MoveToContent();
            writer.WriteNode(reader, defattr: false);
            writer.WriteString("\n");
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }
}
