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
    /// <exception cref="UnsafeXmlException">The document is too large, not well-formed, or declares a DTD.</exception>
    public XmlDocument Load(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > _maxBytes)
        {
            throw new UnsafeXmlException($"document is {bytes.Length} bytes, over the limit of {_maxBytes} bytes");
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Load(stream);
    }

    /// <summary>Parses a file into a whitespace-preserving DOM, checking its size before reading it.</summary>
    /// <exception cref="UnsafeXmlException">The document is too large, not well-formed, or declares a DTD.</exception>
    public XmlDocument LoadFile(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > _maxBytes)
        {
            throw new UnsafeXmlException($"file is {length} bytes, over the limit of {_maxBytes} bytes");
        }

        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private XmlDocument Load(Stream stream)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(stream, CreateReaderSettings());
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw new UnsafeXmlException(Describe(e), e);
        }

        return document;
    }

    /// <summary>The one-line reason a parse failure is reported with, for readers that stream instead of loading.</summary>
    public static string Describe(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.Ordinal)
            ? "a DTD is not allowed (DOCTYPE declarations can expand entities or reach the file system)"
            : $"not well-formed XML: {e.Message}";
}
