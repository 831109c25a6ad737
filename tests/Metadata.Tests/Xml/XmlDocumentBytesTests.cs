using System.Text;
using Fedmd.Metadata.Xml;

namespace Fedmd.Tests.Metadata.Xml;

public sealed class XmlDocumentBytesTests
{
    [Fact]
    public void A_carriage_return_survives_a_round_trip()
    {
        var loader = new SafeXmlLoader();
        var document = loader.Load(Encoding.UTF8.GetBytes("<a>line1&#13;\nline2</a>"));

        var again = loader.Load(XmlDocumentBytes.ToUtf8(document));

        Assert.Equal("line1\r\nline2", again.DocumentElement!.InnerText);
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        var document = new SafeXmlLoader().Load(Encoding.UTF8.GetBytes("<a>ŉ</a>"));

        var bytes = XmlDocumentBytes.ToUtf8(document);

        Assert.Equal((byte)'<', bytes[0]);
        Assert.Contains("ŉ", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
