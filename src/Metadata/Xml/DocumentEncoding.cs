using System.Text;
using System.Text.RegularExpressions;

namespace Fedmd.Metadata.Xml;

/// <summary>
/// The encoding an XML parser reads a document in (a byte order mark, the UTF-16 pattern of "&lt;", the declared
/// encoding, UTF-8 by default), and whether the bytes are valid in it: the typed answer to "was it the encoding?".
/// </summary>
internal static partial class DocumentEncoding
{
    /// <summary>Whether <paramref name="bytes"/> decode without a single invalid sequence.</summary>
    public static bool DecodesStrictly(byte[] bytes)
    {
        var (name, offset) = Detect(bytes);
        try
        {
            var strict = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            _ = strict.GetCharCount(bytes, offset, bytes.Length - offset);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            // An encoding this runtime does not know: the parser cannot read the document in it either.
            return false;
        }
    }

    private static (string Name, int Offset) Detect(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => ("utf-8", 3),
        [0xFF, 0xFE, ..] => ("utf-16", 2),
        [0xFE, 0xFF, ..] => ("utf-16BE", 2),
        [0x3C, 0x00, ..] => ("utf-16", 0),
        [0x00, 0x3C, ..] => ("utf-16BE", 0),
        _ => (Declared(bytes) ?? "utf-8", 0),
    };

    // Without a byte order mark the declaration is ASCII whatever it declares, so it is read as such (a parser
    // cannot be asked: it fails on an encoding it does not know before it reports the declaration).
    private static string? Declared(byte[] bytes)
    {
        var prolog = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 256));
        var declaration = Declaration().Match(prolog);
        return declaration.Success ? declaration.Groups["name"].Value : null;
    }

    [GeneratedRegex("""^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])(?<name>[A-Za-z][A-Za-z0-9._-]*)\1""", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}
