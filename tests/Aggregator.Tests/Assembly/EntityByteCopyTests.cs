using System.Text;
using System.Xml;
using Fedmd.Aggregator.Assembly;
using Fedmd.Metadata.Xml;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Assembly;

// The aggregate writer copies the pipeline's serialisation of an entity as bytes; these hold that copy to the
// XmlWriter's node-by-node copy it replaced, byte for byte, and check that it is the path actually taken.
public class EntityByteCopyTests
{
    private static readonly SafeXmlLoader Loader = new();
    private static readonly EntityCopy Copy = new(Loader);

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_entity_as_the_pipeline_serialises_it_is_copied_as_bytes_into_what_the_reader_copy_wrote(string sample)
    {
        var serialised = XmlDocumentBytes.ToUtf8(Loader.LoadFile(RepositoryRoot.Combine("metadata-samples", sample)));

        Assert.NotNull(RootElementBytes.Of(serialised));
        Assert.Equal(ThroughReader(serialised), Copied(serialised));
    }

    [SharedCorpusTheory]
    [MemberData(nameof(SharedCorpus.XmlFiles), MemberType = typeof(SharedCorpus))]
    public void Every_entity_of_the_corpus_is_copied_as_the_reader_copy_wrote_it(string relative)
    {
        XmlDocument document;
        try
        {
            document = Loader.LoadFile(SharedCorpus.File(relative));
        }
        catch (Fedmd.Metadata.Failures.UnsafeXmlException)
        {
            // Not well-formed or not allowed (the corpus holds such files on purpose): nothing to copy.
            return;
        }

        // Each entity as the splitter and the pipeline leave it: its own document, namespaces declared on it.
        var entities = document.DocumentElement is { LocalName: "EntityDescriptor" } root
            ? [root]
            : document.GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata).OfType<XmlElement>().Take(300).ToList();
        foreach (var entity in entities)
        {
            var own = new XmlDocument { PreserveWhitespace = true };
            own.AppendChild(own.ImportNode(entity, deep: true));
            var serialised = XmlDocumentBytes.ToUtf8(own);
            if (Copy.Problem(serialised) is null)
            {
                Assert.NotNull(RootElementBytes.Of(serialised));
                Assert.Equal(ThroughReader(serialised), Copied(serialised));
            }
        }
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- before --><?pi data?>\n<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://a.example.ac.za\"><md:Extensions><![CDATA[x < y]]>&#xD;&#169;</md:Extensions></md:EntityDescriptor>\n", true)]
    [InlineData("<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata'  entityID = 'https://a.example.ac.za' />", true)]
    [InlineData("<?xml version='1.0' encoding='UTF-8' standalone='yes'?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://a.example.ac.za\"></md:EntityDescriptor>", true)]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://a.example.ac.za/\u00e9\"/>", false)]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://a.example.ac.za\"/><!-- after -->", false)]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://a.example.ac.za\"/><?after pi?>", false)]
    public void Bytes_the_pipeline_did_not_write_are_copied_with_the_same_content(string xml, bool asBytes)
    {
        // Copied as bytes, what another writer wrote keeps its spelling (a character reference stays one), so the
        // aggregate differs from the reader copy only in how the same XML is written.
        var bytes = xml.Contains("ISO-8859-1", StringComparison.Ordinal) ? Encoding.Latin1.GetBytes(xml) : Encoding.UTF8.GetBytes(xml);
        Assert.Null(Copy.Problem(bytes));

        Assert.Equal(asBytes, RootElementBytes.Of(bytes) is not null);
        Assert.Equal(Reparsed(ThroughReader(bytes)), Reparsed(Copied(bytes)));
    }

    [Fact]
    public void A_document_with_a_byte_order_mark_goes_through_the_reader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://a.example.ac.za\"/>")).ToArray();

        Assert.Null(RootElementBytes.Of(bytes));
        Assert.Equal(ThroughReader(bytes), Copied(bytes));
    }

    private static string Reparsed(string aggregate) => Loader.Load(Encoding.UTF8.GetBytes(aggregate)).OuterXml;

    private static string Copied(byte[] bytes) => InAggregate((writer, output) => Copy.CopyTo(writer, output, bytes));

    private static string ThroughReader(byte[] bytes) => InAggregate((writer, _) => Copy.CopyThroughReader(writer, bytes));

    // The shell AggregateWriter writes around each entity, with its settings.
    private static string InAggregate(Action<XmlWriter, Stream> entity)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.Entitize, CloseOutput = false };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("md", "EntitiesDescriptor", SamlNamespaces.Metadata);
            writer.WriteAttributeString("xmlns", "mdrpi", null, SamlNamespaces.Rpi);
            writer.WriteString("\n");
            entity(writer, buffer);
            writer.WriteString("\n");
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
