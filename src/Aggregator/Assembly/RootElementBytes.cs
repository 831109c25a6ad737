using System.Text;

namespace Fedmd.Aggregator.Assembly;

/// <summary>
/// Where the root element lies in a UTF-8 document shaped the way the pipeline serialises entities: an XML
/// declaration naming UTF-8 or none, then comments, processing instructions and whitespace, the root, then
/// whitespace. Copied as bytes, the pipeline's serialisation gives exactly what an XmlWriter copying the element node
/// by node writes (the differential tests hold the two to each other), at the cost of a copy instead of a parse;
/// other well-formed UTF-8 gives the same XML, spelled as it was written.
/// </summary>
internal static class RootElementBytes
{
    /// <summary>
    /// The root element's range in a document already known to be well-formed, or null for anything else (another
    /// encoding, a byte-order mark, a document type declaration, comments or processing instructions after the
    /// root), which the caller copies through a reader instead.
    /// </summary>
    public static Range? Of(ReadOnlySpan<byte> document)
    {
        var start = PrologEnd(document);
        if (start < 0 || start + 1 >= document.Length || !IsNameStart(document[start + 1]))
        {
            return null;
        }

        var end = document.TrimEnd(" \t\r\n"u8).Length;
        // After the root only whitespace: a trailing comment or processing instruction also ends in '>'.
        if (end <= start || document[end - 1] != (byte)'>' || document[..end].EndsWith("-->"u8) || document[..end].EndsWith("?>"u8))
        {
            return null;
        }

        return start..end;
    }

    // The offset of the root's '<', or -1 when the prolog holds something this fast path does not take.
    private static int PrologEnd(ReadOnlySpan<byte> document)
    {
        var at = 0;
        if (document.StartsWith("<?xml "u8))
        {
            var close = document.IndexOf("?>"u8);
            if (close < 0 || !DeclaresUtf8OrNothing(document[..close]))
            {
                return -1;
            }

            at = close + 2;
        }

        while (true)
        {
            at += Whitespace(document[at..]);
            var rest = document[at..];
            if (rest.StartsWith("<!--"u8))
            {
                var close = rest.IndexOf("-->"u8);
                if (close < 0)
                {
                    return -1;
                }

                at += close + 3;
            }
            else if (rest.StartsWith("<?"u8))
            {
                var close = rest.IndexOf("?>"u8);
                if (close < 0)
                {
                    return -1;
                }

                at += close + 2;
            }
            else
            {
                return rest.StartsWith("<"u8) ? at : -1;
            }
        }
    }

    private static bool DeclaresUtf8OrNothing(ReadOnlySpan<byte> declaration)
    {
        var encoding = declaration.IndexOf("encoding"u8);
        if (encoding < 0)
        {
            return true;
        }

        var value = declaration[(encoding + "encoding".Length)..].TrimStart(" \t\r\n="u8);
        if (value.IsEmpty || value[0] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var close = value[1..].IndexOf(value[0]);
        return close >= 0 && Ascii.EqualsIgnoreCase(value.Slice(1, close), "utf-8"u8);
    }

    private static int Whitespace(ReadOnlySpan<byte> span)
    {
        var index = span.IndexOfAnyExcept(" \t\r\n"u8);
        return index < 0 ? span.Length : index;
    }

    private static bool IsNameStart(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_' or >= 0x80;
}
