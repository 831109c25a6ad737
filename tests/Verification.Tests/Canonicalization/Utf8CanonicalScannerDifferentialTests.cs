using System.Text;
using System.Xml;
using Fedmd.Metadata.Xml;
using Fedmd.TestSupport;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Tests.Verification.Canonicalization;

/// <summary>
/// The byte-level fast path against the reader-based canonicaliser (itself held to SignedXml by
/// <see cref="StreamingDigestDifferentialTests"/>): wherever the fast path answers, its bytes are the reader path's
/// bytes, and it never answers for a document the safe parser refuses.
/// </summary>
public sealed class Utf8CanonicalScannerDifferentialTests
{
    private const long MaxBytes = 64L * 1024 * 1024;

    // The fast path's subset leaves these to the reader path; every other tricky document must be handled.
    private static readonly HashSet<string> LeftToTheReader = new(StringComparer.Ordinal)
    {
        "processing instructions inside the root",
        TrickyDocuments.ExplicitXmlNamespace,
    };

    public static TheoryData<string, string> Tricky => TrickyDocuments.All;

    public static TheoryData<string> CorpusFiles() => SharedCorpus.XmlFiles();

    public static TheoryData<string, string> Malformed => new()
    {
        { "unclosed root", "<root ID=\"_a\"><a></root>" },
        { "mismatched end tag", "<root ID=\"_a\"><a></b></root>" },
        { "second root", "<root ID=\"_a\"/><root/>" },
        { "text after the root", "<root ID=\"_a\"/>tail" },
        { "undeclared prefix", "<p:root ID=\"_a\"/>" },
        { "undeclared attribute prefix", "<root ID=\"_a\" q:x=\"1\"/>" },
        { "duplicate attribute", "<root ID=\"_a\" ID=\"_b\"/>" },
        { "duplicate expanded name", "<root xmlns:a=\"urn:x\" xmlns:b=\"urn:x\" a:z=\"1\" b:z=\"2\"/>" },
        { "less-than in an attribute", "<root a=\"<\"/>" },
        { "unknown entity", "<root>&nbsp;</root>" },
        { "character reference to a control", "<root>&#1;</root>" },
        { "raw control character", "<root>\u0001</root>" },
        { "double hyphen in a comment", "<root><!-- a -- b --></root>" },
        { "CDATA end in text", "<root>a]]>b</root>" },
        { "DTD", "<!DOCTYPE root [<!ENTITY e \"x\">]><root>&e;</root>" },
        { "unquoted attribute", "<root a=1/>" },
        { "attributes without whitespace", "<root a=\"1\"b=\"2\"/>" },
        { "name starting with a digit", "<1root/>" },
        { "declaration not first", " <?xml version=\"1.0\"?><root/>" },
        { "truncated", "<root ID=\"_a\"><a>text" },
        { "xmlns prefix undeclared empty", "<root xmlns:p=\"\"/>" },
        { "end tag of a name sharing a cache slot", "<root ID=\"_a\"><abxba></acxca></root>" },
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Fast_path_bytes_equal_the_reader_path_on_tricky_documents(string name, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);

        var fast = FastCanonical(bytes);

        if (LeftToTheReader.Contains(name))
        {
            Assert.Null(fast);
            return;
        }

        Assert.NotNull(fast);
        Assert.True(ReaderCanonical(bytes) == fast, name);
    }

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Fast_path_bytes_equal_the_reader_path_on_every_corpus_file(string relative)
    {
        var bytes = File.ReadAllBytes(SharedCorpus.File(relative));
        string reader;
        try
        {
            reader = ReaderCanonical(bytes);
        }
        catch (XmlException)
        {
            Assert.Null(FastCanonical(bytes));
            return;
        }

        var fast = FastCanonical(bytes);
        if (fast is not null)
        {
            Assert.Equal(reader, fast);
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Fast_path_never_answers_for_a_document_the_parser_refuses(string name, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);

        Assert.ThrowsAny<XmlException>(() => ReaderCanonical(bytes));
        Assert.True(FastCanonical(bytes) is null, name);
    }

    [Fact]
    public void Names_that_share_a_cache_slot_stay_distinct()
    {
        // Same length, first, middle and last byte: the recent-name cache maps them to one slot.
        var bytes = Encoding.UTF8.GetBytes("<root ID=\"_a\" xmlns:abxba=\"urn:a\" xmlns:acxca=\"urn:c\"><abxba abxba:acxca=\"1\" acxca:abxba=\"2\"><acxca/></abxba><acxca><abxba/></acxca></root>");

        Assert.Equal(ReaderCanonical(bytes), FastCanonical(bytes));
    }

    [Fact]
    public void A_name_of_megabytes_is_read_without_exhausting_a_small_stack()
    {
        var name = "n" + new string('a', 1 << 20);
        var bytes = Encoding.UTF8.GetBytes($"<root ID=\"_a\"><{name}>text</{name}></root>");
        string? fast = null;

        var thread = new Thread(() => fast = FastCanonical(bytes), 512 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal(ReaderCanonical(bytes), fast);
    }

    [Fact]
    public void The_root_start_tag_alone_is_read_for_its_outline_and_where_it_ends()
    {
        var head = $"<?xml version=\"1.0\"?>\n<!-- c --><md:EntitiesDescriptor xmlns:md=\"{SamlNamespaces.Metadata}\" ID=\"_r\" validUntil=\"2030-01-01T00:00:00Z\" x=\"a&gt;b\">";
        var bytes = Encoding.UTF8.GetBytes(head + "<md:EntityDescriptor>unclosed and never read");

        var outline = Utf8CanonicalScanner.TryScanRootStartTag(new MemoryStream(bytes), MaxBytes);

        Assert.NotNull(outline);
        Assert.Equal(("EntitiesDescriptor", SamlNamespaces.Metadata, "_r", "2030-01-01T00:00:00Z"), (outline.RootLocalName, outline.RootNamespace, outline.RootId, outline.ValidUntil));
        Assert.Equal(Encoding.UTF8.GetByteCount(head), outline.RootStartTagLength);
        Assert.False(outline.RootIsEmpty);
        Assert.Null(Utf8CanonicalScanner.TryScanRootStartTag(new MemoryStream(Encoding.UTF8.GetBytes("<md:EntitiesDescriptor ID=\"_r\">")), MaxBytes));
    }

    [Fact]
    public void Fast_path_handles_the_sample_aggregate_and_reports_its_outline()
    {
        var bytes = XmlDocumentBytes.ToUtf8(SampleMetadata.UnsignedAggregate());
        using var output = new MemoryStream();

        var outline = Utf8CanonicalScanner.TryScan(new MemoryStream(bytes), MaxBytes, output, omitEnvelopedSignature: true);

        Assert.NotNull(outline);
        Assert.Equal(ReaderCanonical(bytes.ToArray()), Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal("EntitiesDescriptor", outline.RootLocalName);
        Assert.Equal(SamlNamespaces.Metadata, outline.RootNamespace);
        Assert.False(string.IsNullOrEmpty(outline.RootId));
        Assert.Equal(CountEntities(bytes.ToArray()), outline.EntityDescriptorCount);
        Assert.Equal(0, outline.SignatureCount);
    }

    [Fact]
    public void Fast_path_reads_tokens_that_straddle_its_buffer()
    {
        var text = string.Concat(Enumerable.Repeat("a&amp;b\r\nc<!-- x -->", 40000));
        var xml = $"<root ID=\"_big\"><t>{text}</t><u v=\"{new string('x', 600000)}\"/><![CDATA[{new string('y', 300000)}]]></root>";
        var bytes = Encoding.UTF8.GetBytes(xml);

        Assert.Equal(ReaderCanonical(bytes), FastCanonical(bytes));
    }

    [Fact]
    public void Fast_path_reads_markup_split_at_every_point_of_its_first_buffer_end()
    {
        // The first read fills 256 KiB; padding moves each kind of markup across that boundary one byte at a time.
        const int firstRead = 1 << 18;
        foreach (var markup in new[] { "<!-- c -->", "<![CDATA[x]]>", "<a b=\"1\"/>", "</t><t>", "&amp;&#233;", "\r\n" })
        {
            for (var shift = 0; shift < markup.Length + 2; shift++)
            {
                var head = "<root ID=\"_s\"><t>";
                var padding = new string('p', firstRead - head.Length - shift);
                var bytes = Encoding.UTF8.GetBytes($"{head}{padding}{markup}tail</t></root>");

                Assert.True(ReaderCanonical(bytes) == FastCanonical(bytes), $"{markup} at shift {shift}");
            }
        }
    }

    [Fact]
    public void A_document_over_the_limit_is_left_to_the_reader()
    {
        var bytes = Encoding.UTF8.GetBytes($"<root ID=\"_a\">{new string('x', 2_000_000)}</root>");
        using var output = new MemoryStream();

        Assert.Null(Utf8CanonicalScanner.TryScan(new MemoryStream(bytes), 1_000_000, output, omitEnvelopedSignature: true));
    }

    private static string? FastCanonical(byte[] bytes)
    {
        using var output = new MemoryStream();
        return Utf8CanonicalScanner.TryScan(new MemoryStream(bytes), MaxBytes, output, omitEnvelopedSignature: true) is null
            ? null
            : Encoding.UTF8.GetString(output.ToArray());
    }

    private static string ReaderCanonical(byte[] bytes)
    {
        using var output = new MemoryStream();
        using var reader = XmlReader.Create(new MemoryStream(bytes), new SafeXmlLoader(MaxBytes).CreateReaderSettings());
        reader.MoveToContent();
        new ExclusiveCanonicalWriter(output).WriteSubtree(reader, omitEnvelopedSignature: true);
        while (reader.Read())
        {
            // To the end, so that a malformed tail is an exception here as it is for the fast path's null.
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static int CountEntities(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new SafeXmlLoader(MaxBytes).CreateReaderSettings());
        var count = 0;
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "EntityDescriptor", NamespaceURI: SamlNamespaces.Metadata })
            {
                count++;
            }
        }

        return count;
    }
}
