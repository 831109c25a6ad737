using System.Text;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;

namespace Fedmd.Signer.Signing;

/// <summary>
/// The document to sign as UTF-8, the encoding the signature is spliced in as. Metadata is UTF-8 in practice, so
/// the bytes are used as they are; a document in another encoding is re-serialised once as UTF-8.
/// </summary>
internal static class Utf8Document
{
    /// <summary>The bytes themselves when they are UTF-8 (with or without a BOM), otherwise a UTF-8 re-serialisation.</summary>
    public static ReadOnlyMemory<byte> Of(ReadOnlyMemory<byte> document)
    {
        if (IsUtf8(document.Span))
        {
            return document;
        }

        try
        {
            return XmlDocumentBytes.ToUtf8(new SafeXmlLoader(Math.Max(document.Length, 1)).Load(document));
        }
        catch (UnsafeXmlException e)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"the document to sign is not safe, well-formed XML: {e.Message}", e);
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return false;
        }

        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var rest = bytes[start..];
        if (!rest.StartsWith("<?xml"u8))
        {
            return rest.Length == 0 || rest[0] != 0;
        }

        var end = rest.IndexOf("?>"u8);
        var declaration = Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return true;
        }

        var value = declaration[(at + "encoding".Length)..].TrimStart(' ', '\t', '\r', '\n', '=').TrimStart('"', '\'');
        return value.StartsWith("utf-8", StringComparison.OrdinalIgnoreCase) && value.Length > 5 && value[5] is '"' or '\'';
    }
}
