using System.Xml;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Assembly;

/// <summary>
/// Copies one entity's bytes into an aggregate being written. It first reads the entity through once, so that an
/// entity the writer cannot copy (over the size cap, not well-formed, not one md:EntityDescriptor) is found before a
/// byte of it reaches the aggregate, and costs only itself.
/// </summary>
public sealed class EntityCopy(SafeXmlLoader loader)
{
    /// <summary>Rule: the entity cannot be copied into an aggregate.</summary>
    public const string Rule = "entity.assembly";

    /// <summary>Why <paramref name="bytes"/> cannot be copied into an aggregate, or null when they can.</summary>
    public string? Problem(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > loader.MaxBytes)
        {
            return $"the entity as published is {bytes.Length} bytes, over the limit of {loader.MaxBytes} (Registry:MaxEntityBytes); make it smaller";
        }

        try
        {
            using var reader = Open(bytes);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != SamlNamespaces.Metadata || reader.LocalName != "EntityDescriptor")
            {
                return "the entity as published is not one md:EntityDescriptor";
            }

            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return $"the entity as published cannot be read back: {e.Message}";
        }
    }

    /// <summary>Writes the entity's root element to <paramref name="writer"/>; call only when <see cref="Problem"/> is null.</summary>
    public void CopyTo(XmlWriter writer, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var reader = Open(bytes);
        reader.MoveToContent();
        writer.WriteNode(reader, defattr: false);
    }

    private XmlReader Open(byte[] bytes) => XmlReader.Create(new MemoryStream(bytes, writable: false), loader.CreateReaderSettings());
}
