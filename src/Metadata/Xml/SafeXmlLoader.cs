using System.Xml;
using Fedmd.Metadata.Failures;

namespace Fedmd.Metadata.Xml;

/// <summary>
/// Loads XML with DTDs prohibited, no resolver and a size cap: every document this project reads comes
/// from outside (participants, remote feeds, the published file) and is hostile until proven otherwise.
/// </summary>
public sealed class SafeXmlLoader
{
    /// <summary>Default maximum size of one document: 5 MiB, far above any single entity.</summary>
    public const long DefaultMaxBytes = 5L * 1024 * 1024;

    private readonly long _maxBytes;

    /// <summary>Creates a loader that refuses documents larger than <paramref name="maxBytes"/>.</summary>
    public SafeXmlLoader(long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _maxBytes = maxBytes;
    }

    /// <summary>The size cap in bytes.</summary>
    public long MaxBytes => _maxBytes;

    /// <summary>Reader settings that prohibit DTDs and external resolution.</summary>
    public XmlReaderSettings CreateReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = _maxBytes,
        IgnoreProcessingInstructions = false,
        CloseInput = false,
    };

    /// <summary>Parses bytes into a whitespace-preserving DOM.</summary>
    /// <exception cref="UnsafeXmlException">The document is too large, badly encoded, not well-formed, or declares a DTD.</exception>
    public XmlDocument Load(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > _maxBytes)
        {
            throw new UnsafeXmlException(UnsafeXmlReason.TooLarge, $"document is {bytes.Length} bytes, over the limit of {_maxBytes} bytes");
        }

        return Parse(bytes.ToArray());
    }

    /// <summary>Parses a file into a whitespace-preserving DOM, checking its size before reading it.</summary>
    /// <exception cref="UnsafeXmlException">The document is too large, badly encoded, not well-formed, or declares a DTD.</exception>
    public XmlDocument LoadFile(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > _maxBytes)
        {
            throw new UnsafeXmlException(UnsafeXmlReason.TooLarge, $"file is {length} bytes, over the limit of {_maxBytes} bytes");
        }

        return Parse(File.ReadAllBytes(path));
    }

    private XmlDocument Parse(byte[] bytes)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, CreateReaderSettings());
            document.Load(reader);
        }
        catch (XmlException e)
        {
            var reason = Diagnose(bytes);
            throw new UnsafeXmlException(reason, Describe(reason, e), e);
        }

        return document;
    }

    // The parser's message is localised text, not an interface: the reason is decided from the bytes themselves.
    private UnsafeXmlReason Diagnose(byte[] bytes)
    {
        if (!DocumentEncoding.DecodesStrictly(bytes))
        {
            return UnsafeXmlReason.Encoding;
        }

        // Prohibit and Ignore differ only in what they do with a DOCTYPE (Ignore skips it unread): a document that
        // reaches its root with one and not the other failed on its DTD.
        return !ReachesRoot(bytes, DtdProcessing.Prohibit) && ReachesRoot(bytes, DtdProcessing.Ignore)
            ? UnsafeXmlReason.Dtd
            : UnsafeXmlReason.NotWellFormed;
    }

    private bool ReachesRoot(byte[] bytes, DtdProcessing dtd)
    {
        var settings = CreateReaderSettings();
        settings.DtdProcessing = dtd;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return true;
                }
            }

            return false;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static string Describe(UnsafeXmlReason reason, XmlException e) => reason switch
    {
        UnsafeXmlReason.Dtd => "a DTD is not allowed (DOCTYPE declarations can expand entities or reach the file system)",
        UnsafeXmlReason.Encoding => $"the bytes are not valid in the document's encoding; save it as UTF-8: {e.Message}",
        _ => $"not well-formed XML: {e.Message}",
    };

    /// <summary>The one-line reason a parse failure is reported with, for readers that stream instead of loading.</summary>
    public static string Describe(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.Ordinal)
            ? "a DTD is not allowed (DOCTYPE declarations can expand entities or reach the file system)"
            : $"not well-formed XML: {e.Message}";
}
