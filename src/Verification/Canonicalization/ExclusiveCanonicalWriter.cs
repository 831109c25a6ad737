using System.Buffers;
using System.Text;
using System.Xml;

namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// Writes Exclusive XML Canonicalization 1.0 without comments (no InclusiveNamespaces prefix list) of one element
/// subtree as it is read, as UTF-8 to a stream, so a digest never needs a DOM. Optionally applies the
/// enveloped-signature transform the metadata profile uses: the subtree root's first element child is left out when
/// it is a <c>ds:Signature</c>.
/// </summary>
/// <remarks>
/// The reader does what canonicalisation asks of the parser: line ends normalised, character references and
/// attribute values normalised, CDATA reported as text. The reader must not be told to ignore whitespace.
/// </remarks>
public sealed class ExclusiveCanonicalWriter
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string DsNamespace = "http://www.w3.org/2000/09/xmldsig#";
    private const int BufferChars = 16 * 1024;

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<\"\t\n\r");

    private readonly Stream _output;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
    private readonly char[] _chars = new char[BufferChars];
    private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(BufferChars)];
    private readonly List<RenderedNamespace> _rendered = [];
    private readonly List<NamespaceDeclaration> _declarations = [];
    private readonly List<CanonicalAttribute> _attributes = [];
    private int _charCount;

    /// <summary>Writes canonical bytes to <paramref name="output"/>, which the caller owns.</summary>
    public ExclusiveCanonicalWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>
    /// Canonicalises the element <paramref name="reader"/> is positioned on and everything inside it, leaving the
    /// reader on that element's end tag (or on the element itself when it is empty).
    /// </summary>
    /// <param name="reader">A reader positioned on an element.</param>
    /// <param name="omitEnvelopedSignature">Apply the enveloped-signature transform to a first-child ds:Signature.</param>
    /// <param name="onEnvelopedSignature">
    /// When given, reads the omitted signature instead of skipping it, leaving the reader on the node after it.
    /// </param>
    /// <param name="onNode">
    /// Called on every node that is canonicalised or dropped (comments), with the reader on it, so a caller can check
    /// the document in the same pass; it must not move the reader.
    /// </param>
    /// <exception cref="XmlException">The document is not well-formed.</exception>
    public void WriteSubtree(XmlReader reader, bool omitEnvelopedSignature, Action<XmlReader>? onNode = null, Action<XmlReader>? onEnvelopedSignature = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw new InvalidOperationException($"the reader is on a {reader.NodeType}, not an element");
        }

        var rootDepth = reader.Depth;
        var awaitingFirstChild = omitEnvelopedSignature;
        _rendered.Clear();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (awaitingFirstChild && reader.Depth == rootDepth + 1)
                    {
                        awaitingFirstChild = false;
                        if (reader.LocalName == "Signature" && reader.NamespaceURI == DsNamespace)
                        {
                            if (onEnvelopedSignature is null)
                            {
                                reader.Skip();
                            }
                            else
                            {
                                onEnvelopedSignature(reader);
                            }

                            continue;
                        }
                    }

                    onNode?.Invoke(reader);
                    var empty = reader.IsEmptyElement;
                    WriteStartTag(reader);
                    if (empty && EndElement(reader, rootDepth))
                    {
                        return;
                    }

                    break;
                case XmlNodeType.EndElement:
                    onNode?.Invoke(reader);
                    if (EndElement(reader, rootDepth))
                    {
                        return;
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    onNode?.Invoke(reader);
                    WriteEscaped(reader.Value, TextSpecials);
                    break;
                case XmlNodeType.ProcessingInstruction:
                    onNode?.Invoke(reader);
                    Append("<?");
                    Append(reader.LocalName);
                    if (reader.Value.Length > 0)
                    {
                        Append(" ");
                        Append(reader.Value);
                    }

                    Append("?>");
                    break;
                case XmlNodeType.Comment:
                    onNode?.Invoke(reader);
                    break;
            }

            if (!reader.Read())
            {
                throw new XmlException("the document ends inside the element being canonicalised");
            }
        }
    }

    private bool EndElement(XmlReader reader, int rootDepth)
    {
        Append("</");
        Append(reader.Name);
        Append(">");
        var depth = reader.Depth;
        while (_rendered.Count > 0 && _rendered[^1].Depth >= depth)
        {
            _rendered.RemoveAt(_rendered.Count - 1);
        }

        if (depth != rootDepth)
        {
            return false;
        }

        Flush(final: true);
        return true;
    }

    private void WriteStartTag(XmlReader reader)
    {
        _declarations.Clear();
        _attributes.Clear();
        var depth = reader.Depth;
        RenderIfNeeded(reader.Prefix, reader.NamespaceURI, depth);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var ns = reader.NamespaceURI;
                if (ns == XmlnsNamespace)
                {
                    continue;
                }

                var prefix = reader.Prefix;
                if (prefix.Length > 0 && prefix != "xml")
                {
                    RenderIfNeeded(prefix, ns, depth);
                }

                _attributes.Add(new CanonicalAttribute(ns, reader.LocalName, reader.Name, reader.Value));
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        Append("<");
        Append(reader.Name);
        if (_declarations.Count > 1)
        {
            _declarations.Sort(static (a, b) => string.CompareOrdinal(a.Prefix, b.Prefix));
        }

        foreach (var declaration in _declarations)
        {
            Append(declaration.Prefix.Length == 0 ? " xmlns=\"" : " xmlns:");
            if (declaration.Prefix.Length > 0)
            {
                Append(declaration.Prefix);
                Append("=\"");
            }

            WriteEscaped(declaration.Uri, AttributeSpecials);
            Append("\"");
        }

        if (_attributes.Count > 1)
        {
            _attributes.Sort(static (a, b) =>
            {
                var byNamespace = string.CompareOrdinal(a.NamespaceUri, b.NamespaceUri);
                return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.LocalName, b.LocalName);
            });
        }

        foreach (var attribute in _attributes)
        {
            Append(" ");
            Append(attribute.QualifiedName);
            Append("=\"");
            WriteEscaped(attribute.Value, AttributeSpecials);
            Append("\"");
        }

        Append(">");
    }

    // Exclusive c14n renders a namespace only where it is visibly utilised and the nearest output ancestor has not
    // already rendered the same binding; the default namespace starts out as the empty one.
    private void RenderIfNeeded(string prefix, string uri, int depth)
    {
        string? current = prefix.Length == 0 ? string.Empty : null;
        for (var i = _rendered.Count - 1; i >= 0; i--)
        {
            if (_rendered[i].Prefix == prefix)
            {
                current = _rendered[i].Uri;
                break;
            }
        }

        if (current == uri)
        {
            return;
        }

        _rendered.Add(new RenderedNamespace(depth, prefix, uri));
        _declarations.Add(new NamespaceDeclaration(prefix, uri));
    }

    private void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> specials)
    {
        while (true)
        {
            var index = text.IndexOfAny(specials);
            if (index < 0)
            {
                Append(text);
                return;
            }

            Append(text[..index]);
            Append(text[index] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\t' => "&#x9;",
                '\n' => "&#xA;",
                _ => "&#xD;",
            });
            text = text[(index + 1)..];
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var room = BufferChars - _charCount;
            if (room == 0)
            {
                Flush(final: false);
                room = BufferChars;
            }

            var count = Math.Min(room, text.Length);
            text[..count].CopyTo(_chars.AsSpan(_charCount));
            _charCount += count;
            text = text[count..];
        }
    }

    // A surrogate pair split across two buffers stays in the encoder until the next flush.
    private void Flush(bool final)
    {
        var byteCount = _encoder.GetBytes(_chars.AsSpan(0, _charCount), _bytes, final);
        _output.Write(_bytes, 0, byteCount);
        _charCount = 0;
    }

    private readonly record struct RenderedNamespace(int Depth, string Prefix, string Uri);

    private readonly record struct NamespaceDeclaration(string Prefix, string Uri);

    private readonly record struct CanonicalAttribute(string NamespaceUri, string LocalName, string QualifiedName, string Value);
}
