using System.Text;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;

namespace Fedmd.Tests.Metadata.Xml;

public sealed class SafeXmlLoaderTests
{
    private readonly SafeXmlLoader _loader = new(maxBytes: 4096);

    [Fact]
    public void Loads_a_well_formed_document_keeping_white_space()
    {
        var document = _loader.Load(Encoding.UTF8.GetBytes("<a>\n  <b> x </b>\n</a>"));

        Assert.Equal("\n  <b> x </b>\n", document.DocumentElement!.InnerXml);
    }

    [Fact]
    public void Refuses_an_internal_dtd()
    {
        var failure = Assert.Throws<UnsafeXmlException>(() =>
            _loader.Load(Encoding.UTF8.GetBytes("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>")));

        Assert.Contains("DTD", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_external_entity_without_reading_the_file()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"fedmd-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(marker, "SECRET-CONTENT");
        try
        {
            var xml = $"<!DOCTYPE a [<!ENTITY x SYSTEM \"file://{marker}\">]><a>&x;</a>";

            var failure = Assert.Throws<UnsafeXmlException>(() => _loader.Load(Encoding.UTF8.GetBytes(xml)));

            Assert.DoesNotContain("SECRET-CONTENT", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public void Refuses_a_document_over_the_size_cap()
    {
        var big = Encoding.UTF8.GetBytes("<a>" + new string('x', 5000) + "</a>");

        var failure = Assert.Throws<UnsafeXmlException>(() => _loader.Load(big));

        Assert.Contains("over the limit", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_over_the_size_cap_before_reading_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var file = File.OpenWrite(path))
            {
                file.SetLength(10_000);
            }

            Assert.Throws<UnsafeXmlException>(() => _loader.LoadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<a><b></a>")]
    [InlineData("<a/><b/>")]
    public void Refuses_what_is_not_well_formed(string text)
    {
        var failure = Assert.Throws<UnsafeXmlException>(() => _loader.Load(Encoding.UTF8.GetBytes(text)));

        Assert.StartsWith("not well-formed XML", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", UnsafeXmlReason.Dtd)]
    [InlineData("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>", UnsafeXmlReason.Dtd)]
    [InlineData("<a><DTD></a>", UnsafeXmlReason.NotWellFormed)]
    [InlineData("<a/><b/>", UnsafeXmlReason.NotWellFormed)]
    [InlineData("<?xml version=\"1.0\" encoding=\"no-such-encoding\"?><a/>", UnsafeXmlReason.Encoding)]
    public void The_reason_is_set_where_the_document_is_refused(string text, UnsafeXmlReason reason)
    {
        var failure = Assert.Throws<UnsafeXmlException>(() => _loader.Load(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(reason, failure.Reason);
    }

    [Fact]
    public void Invalid_utf8_and_invalid_utf16_are_encoding_failures_and_oversize_is_too_large()
    {
        byte[] utf8 = [.. Encoding.UTF8.GetBytes("<a>"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("</a>")];
        byte[] utf16 = [.. Encoding.Unicode.GetBytes("<a>"), 0x00, 0xDC, .. Encoding.Unicode.GetBytes("</a>")];

        Assert.Equal(UnsafeXmlReason.Encoding, Assert.Throws<UnsafeXmlException>(() => _loader.Load(utf8)).Reason);
        Assert.Equal(UnsafeXmlReason.Encoding, Assert.Throws<UnsafeXmlException>(() => _loader.Load(utf16)).Reason);
        Assert.Equal(UnsafeXmlReason.TooLarge, Assert.Throws<UnsafeXmlException>(() => _loader.Load(new byte[5000])).Reason);
    }
}
