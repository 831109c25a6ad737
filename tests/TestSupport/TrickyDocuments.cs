using Xunit;

namespace Fedmd.TestSupport;

/// <summary>Small documents that exercise every rule of exclusive canonicalisation a metadata file can hit.</summary>
public static class TrickyDocuments
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>
    /// SignedXml's Reference path re-serialises the element and re-parses it, which turns a carriage return
    /// (written <c>&amp;#13;</c>) into a line feed or a space; xmlsec1 keeps it as <c>&amp;#xD;</c>, as the
    /// specification says, and so does the streaming canonicaliser.
    /// </summary>
    public const string CarriageReturnInText = "carriage returns as &#13; in text";

    /// <summary>The same loss of a carriage return, in an attribute value.</summary>
    public const string CarriageReturnInAttribute = "carriage return in an attribute value";

    /// <summary>
    /// .NET renders an explicit <c>xmlns:xml</c> declaration; the specification, xmlsec1 and Santuario never render
    /// the xml namespace, and neither does the streaming canonicaliser.
    /// </summary>
    public const string ExplicitXmlNamespace = "explicit xmlns:xml declaration";

    /// <summary>The documents on which .NET departs from the specification, judged by xmlsec1 instead.</summary>
    public static IReadOnlySet<string> DotNetDivergences { get; } = new HashSet<string>(StringComparer.Ordinal) { CarriageReturnInText, CarriageReturnInAttribute, ExplicitXmlNamespace };

    public static TheoryData<string, string> All { get; } = new()
    {
        { "redeclared prefix", "<r:root xmlns:r=\"urn:a\" ID=\"_a\"><r:c xmlns:r=\"urn:b\"><r:d/></r:c><x:e xmlns:x=\"urn:a\"><r:f/></x:e></r:root>" },
        { "default namespace switches and xmlns=\"\"", "<root xmlns=\"urn:a\" ID=\"_b\"><child xmlns=\"urn:b\"><g xmlns=\"\"><h xmlns=\"urn:b\"/><i/></g></child><k xmlns=\"\"/><l xmlns=\"urn:a\"/></root>" },
        { "no-namespace root under an empty default", "<root xmlns=\"\" ID=\"_b2\"><a xmlns=\"\"/></root>" },
        { "unused declarations", "<md:E xmlns:md=\"urn:m\" xmlns:unused=\"urn:u\" xmlns:ds=\"" + Ds + "\" ID=\"_c\"><md:x xmlns:also=\"urn:y\"/><md:y xmlns:md=\"urn:m\"/></md:E>" },
        { "prefix used only in xsi:type", "<md:E xmlns:md=\"urn:m\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:saml=\"urn:saml\" ID=\"_d\"><md:A xsi:type=\"saml:AttributeType\"><saml:V/></md:A></md:E>" },
        { "comments, CDATA and character references", "<!-- before --><root ID=\"_e\"><!-- c --><a><![CDATA[x < y & z > w ]]> ]]&gt;</a><b>&#233;&#x1F600;&amp;&lt;&gt;&quot;&apos;<!--in-->tail</b></root><!-- after -->" },
        { "xml:lang and xml:base", "<root ID=\"_f\" xml:lang=\"en\" xml:base=\"http://a.example/\"><c xml:lang=\"af\">Goeie môre</c><d xml:base=\"sub/\"/></root>" },
        { CarriageReturnInText, "<root ID=\"_g\"><t>line1&#13;&#10;line2&#13;</t><u>literal\r\ncrlf\rcr</u></root>" },
        { CarriageReturnInAttribute, "<root ID=\"_g2\" a=\"x&#13;y&#10;z&#9;w\" b=\"tab\tnew\nline\"/>" },
        { ExplicitXmlNamespace, "<root ID=\"_s\" xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"><o xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" xml:lang=\"en\">x</o></root>" },
        { "attribute order", "<root xmlns:b=\"urn:b\" xmlns:a=\"urn:a\" ID=\"_h\" z=\"1\" a:z=\"2\" b:a=\"3\" a=\"4\" a:a=\"5\" xmlns=\"urn:d\"><e b:q=\"1\" q=\"2\"/></root>" },
        { "non-ASCII text", "<root ID=\"_i\" naam=\"Universiteit van Stellenbosch – Ümlaut\"><a>中文 العربية ελληνικά 😀 isiXhosa: Molo</a></root>" },
        { "whitespace, declaration and BOM outside the root", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<?before x?>\n<root ID=\"_j\">\n  <a>  </a>\n\t<b/>\n</root>\n\n<?after y?>\n" },
        { "processing instructions inside the root", "<root ID=\"_k\"><?pi data here?><?empty?><a><?x  spaced ?></a></root>" },
        { "enveloped signature as first child", "<root ID=\"_l\">\n  <ds:Signature xmlns:ds=\"" + Ds + "\"><ds:SignedInfo><ds:X/></ds:SignedInfo></ds:Signature>\n  <a/></root>" },
        { "escapes in attributes and text", "<root ID=\"_m\" a=\"&lt;&amp;&quot;&gt;'\" b='\"double\"'><t>a &gt; b &amp;&amp; c &lt; d \"q\" 'a'</t></root>" },
        { "same namespace under two prefixes", "<p:root xmlns:p=\"urn:a\" xmlns:q=\"urn:a\" xmlns=\"urn:a\" ID=\"_n\"><q:c p:x=\"1\"/><c/><p:d/></p:root>" },
        { "empty root", "<root ID=\"_o\"/>" },
        { "long text over the buffer with surrogate pairs", "<root ID=\"_p\"><t>" + string.Concat(Enumerable.Repeat("abc😀é&amp;", 9000)) + "</t><u a=\"" + string.Concat(Enumerable.Repeat("😀x", 12000)) + "\"/></root>" },
        { "signature look-alike not first", "<root ID=\"_q\"><a/><ds:Signature xmlns:ds=\"" + Ds + "\"/></root>" },
        { "deep nesting with prefixes reused after scope ends", "<a:r xmlns:a=\"urn:1\" ID=\"_r\"><b:x xmlns:b=\"urn:2\"><b:y/></b:x><b:x xmlns:b=\"urn:3\"><a:z xmlns:a=\"urn:4\"/></b:x><a:z/></a:r>" },
    };
}
