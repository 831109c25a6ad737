using System.Text;
using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Assembly;

/// <summary>
/// Writes an <c>md:EntitiesDescriptor</c> as a stream: the header, then each entity copied from its bytes one at a
/// time, in entityID order so that two runs over the same registry differ only in timestamps, ID and signature.
/// An entity whose bytes cannot be copied is left out and returned, never failing the feed (bytes a check already
/// found copyable are not read through again). It does not sign;
/// signing is a separate step.
/// </summary>
public sealed class AggregateWriter(SafeXmlLoader loader)
{
    private readonly EntityCopy _copy = new(loader);

    /// <summary>Writes the aggregate of <paramref name="entities"/> to <paramref name="output"/>.</summary>
    /// <returns>The entities left out, each with its problem; empty when every entity was written.</returns>
    public IReadOnlyList<EntityAssemblyFailure> Write(Stream output, AggregateHeader header, IEnumerable<EntityItem> entities)
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

        var failures = new List<EntityAssemblyFailure>();
        foreach (var entity in entities.OrderBy(e => e.Summary?.EntityId, StringComparer.Ordinal))
        {
            var bytes = entity.Bytes;
            if (!entity.BytesCopyable && _copy.Problem(bytes) is { } problem)
            {
                failures.Add(new EntityAssemblyFailure(entity, problem));
                continue;
            }

            _copy.CopyTo(writer, output, bytes);
            writer.WriteString("\n");
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
        return failures;
    }
}
