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

    /// <summary>
    /// Writes the entity's root element to <paramref name="writer"/>, which writes to <paramref name="output"/>; call
    /// only when <see cref="Problem"/> is null. The pipeline's own serialisation is copied as bytes straight to
    /// <paramref name="output"/>, after the writer's buffer; anything else goes through a reader.
    /// </summary>
    public void CopyTo(XmlWriter writer, Stream output, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(bytes);
        if (RootElementBytes.Of(bytes) is { } root)
        {
            writer.Flush();
            output.Write(bytes.AsSpan(root));
            return;
        }

        CopyThroughReader(writer, bytes);
    }

    /// <summary>The node-by-node copy: the fallback, and what the byte copy is held to.</summary>
    internal void CopyThroughReader(XmlWriter writer, byte[] bytes)
    {
        using var reader = Open(bytes);
        reader.MoveToContent();
        writer.WriteNode(reader, defattr: false);
    }

    private XmlReader Open(byte[] bytes) => XmlReader.Create(new MemoryStream(bytes, writable: false), loader.CreateReaderSettings());
}
