using Fedmd.Metadata.Failures;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Where the root element's start tag ends in a serialised, well-formed document: the place an enveloped signature
/// is spliced in as the first child without re-serialising anything else.
/// </summary>
/// <param name="NameStart">Byte offset of the root's qualified name, just after <c>&lt;</c>.</param>
/// <param name="NameLength">Length of the qualified name in bytes.</param>
/// <param name="Close">Byte offset of the <c>&gt;</c> that closes the start tag.</param>
/// <param name="IsEmptyElement">Whether the tag ends with <c>/&gt;</c>, so the root has no content yet.</param>
internal readonly record struct RootStartTag(int NameStart, int NameLength, int Close, bool IsEmptyElement)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Finds the root start tag, skipping a byte-order mark, the XML declaration, processing instructions, comments
    /// and whitespace. The document must already have been parsed: this only locates, it does not check.
    /// </summary>
    public static RootStartTag Locate(ReadOnlySpan<byte> document)
    {
        var i = document.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        while (i < document.Length)
        {
            var rest = document[i..];
            if (rest[0] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                i++;
            }
            else if (rest.StartsWith("<?"u8))
            {
                i += After(rest, "?>"u8);
            }
            else if (rest.StartsWith("<!--"u8))
            {
                i += After(rest, "-->"u8);
            }
            else if (rest[0] == (byte)'<' && rest.Length > 1 && rest[1] != (byte)'!')
            {
                return StartingAt(document, i);
            }
            else
            {
                break;
            }
        }

        throw new FedmdException(FailureKind.InvalidDocument, "the document to sign has no root start tag the signer can find");
    }

    private static int After(ReadOnlySpan<byte> text, ReadOnlySpan<byte> terminator)
    {
        var index = text.IndexOf(terminator);
        return index < 0
            ? throw new FedmdException(FailureKind.InvalidDocument, "the document to sign ends inside its prolog")
            : index + terminator.Length;
    }

    // Attribute values may hold '>' but never the quote that delimits them, so tracking the quote finds the real end.
    private static RootStartTag StartingAt(ReadOnlySpan<byte> document, int open)
    {
        var nameStart = open + 1;
        var nameEnd = nameStart;
        while (nameEnd < document.Length && document[nameEnd] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'/' or (byte)'>'))
        {
            nameEnd++;
        }

        byte quote = 0;
        for (var i = nameEnd; i < document.Length; i++)
        {
            var b = document[i];
            if (quote != 0)
            {
                quote = b == quote ? (byte)0 : quote;
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
            else if (b == (byte)'>')
            {
                return new RootStartTag(nameStart, nameEnd - nameStart, i, document[i - 1] == (byte)'/');
            }
        }

        throw new FedmdException(FailureKind.InvalidDocument, "the root start tag of the document to sign is not closed");
    }
}
