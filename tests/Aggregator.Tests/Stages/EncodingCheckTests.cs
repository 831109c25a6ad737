using System.Text;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Stages;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class EncodingCheckTests
{
    private const string Entity = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.ac.za/shibboleth\"/>";

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("")]
    public void Utf8_passes(string declaration)
    {
        Assert.Empty(TestPipelines.Apply(new EncodingCheck(), declaration + Entity).Item.Messages);
    }

    [Fact]
    public void Utf16_passes()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + Entity)).ToArray();
        var item = new EntityItem("utf16.xml", bytes);

        new EncodingCheck().Apply(item, new SafeXmlLoader().Load(bytes), TestPipelines.Context());

        Assert.Empty(item.Messages);
    }

    [Fact]
    public void Latin1_is_an_error()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Entity);
        var item = new EntityItem("latin1.xml", bytes);

        new EncodingCheck().Apply(item, new SafeXmlLoader().Load(bytes), TestPipelines.Context());

        Assert.Equal([EncodingCheck.Rule], item.Rules());
    }
}
