using System.Text;
using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Assembly;

public class AggregateWriterTests
{
    private static readonly AggregateHeader Header = new("https://fedmd.example.ac.za/metadata", AggregateHeader.NewId(),
        TestPipelines.Now.AddDays(10), XsDuration.Parse("PT6H"), "https://fedmd.example.ac.za", TestPipelines.Now);

    private static EntityItem Item(string source, string entityId, string? bytes = null)
    {
        var xml = $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\"/>";
        var item = new EntityItem(source, Encoding.UTF8.GetBytes(xml));
        item.Update(Encoding.UTF8.GetBytes(bytes ?? xml), EntitySummary.FromDocument(TestPipelines.Document(xml)));
        return item;
    }

    [Theory]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://b.example.ac.za\">")]
    [InlineData("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"e\">]><x/>")]
    public void An_entity_whose_bytes_cannot_be_copied_is_left_out_and_returned_and_the_others_are_written(string broken)
    {
        var good = Item("a.xml", "https://a.example.ac.za");
        var bad = Item("b.xml", "https://b.example.ac.za", broken);
        var last = Item("c.xml", "https://c.example.ac.za");
        using var buffer = new MemoryStream();

        var failures = new AggregateWriter(new SafeXmlLoader()).Write(buffer, Header, [good, bad, last]);

        var failure = Assert.Single(failures);
        Assert.Same(bad, failure.Entity);
        Assert.NotEmpty(failure.Problem);
        var aggregate = TestPipelines.Document(Encoding.UTF8.GetString(buffer.ToArray()));
        var written = aggregate.GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata).OfType<System.Xml.XmlElement>()
            .Select(e => e.GetAttribute("entityID"));
        Assert.Equal(["https://a.example.ac.za", "https://c.example.ac.za"], written);
    }

    [Fact]
    public void An_entity_over_the_writers_size_cap_is_left_out()
    {
        var big = Item("big.xml", "https://big.example.ac.za/" + new string('a', 300));
        using var buffer = new MemoryStream();

        var failures = new AggregateWriter(new SafeXmlLoader(200)).Write(buffer, Header, [big, Item("a.xml", "https://a.example.ac.za")]);

        Assert.Same(big, Assert.Single(failures).Entity);
    }

    [Fact]
    public void Bytes_changed_after_the_check_found_them_copyable_are_read_through_again()
    {
        var checkedThenChanged = Item("b.xml", "https://b.example.ac.za");
        checkedThenChanged.MarkBytesCopyable();
        checkedThenChanged.Update(Encoding.UTF8.GetBytes("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"), checkedThenChanged.Summary!);
        using var buffer = new MemoryStream();

        var failures = new AggregateWriter(new SafeXmlLoader()).Write(buffer, Header, [Item("a.xml", "https://a.example.ac.za"), checkedThenChanged]);

        Assert.False(checkedThenChanged.BytesCopyable);
        Assert.Same(checkedThenChanged, Assert.Single(failures).Entity);
        Assert.Single(TestPipelines.Document(Encoding.UTF8.GetString(buffer.ToArray())).GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata));
    }
}
