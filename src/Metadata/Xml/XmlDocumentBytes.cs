using System.Text;
using System.Xml;

namespace Fedmd.Metadata.Xml;

/// <summary>Serialises a DOM to UTF-8 without changing a signed character.</summary>
public static class XmlDocumentBytes
{
    /// <summary>
    /// Writes the document as UTF-8 without a byte-order mark. Carriage returns are written as character references
    /// because a literal one would be turned into a line feed by the next parser, breaking the digest.
    /// </summary>
    public static byte[] ToUtf8(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            NewLineHandling = NewLineHandling.Entitize,
            Indent = false,
        };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }
}
