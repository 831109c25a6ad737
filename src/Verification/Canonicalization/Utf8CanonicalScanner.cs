using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Fedmd.Metadata.Xml;

namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// The fast path of exclusive c14n (without comments, enveloped signature removed): reads UTF-8 bytes and writes the
/// root's canonical bytes without decoding to strings or building reader nodes, checking well-formedness as it goes.
/// It handles the subset metadata uses (UTF-8, no DTD, ASCII names, no processing instructions inside the root,
/// no declarations of the xml or xmlns prefixes) and gives up on anything else, malformed input included, so the
/// caller repeats the work with <see cref="ExclusiveCanonicalWriter"/> over an <c>XmlReader</c>, which either
/// produces the same bytes or explains the refusal.
/// </summary>
/// <remarks>
/// The hot methods are compiled optimised at once: a process makes one pass, and tiered compilation would run most
/// of it in unoptimised code (measured: the first pass over 95 MB took 1,030 ms, later ones 330 ms).
/// </remarks>
public sealed class Utf8CanonicalScanner
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string DsNamespace = "http://www.w3.org/2000/09/xmldsig#";
    private const int InitialBuffer = 1 << 18;
    private const int OutputBuffer = 1 << 16;

    // XML 1.0 forbids every C0 control but tab, line feed and carriage return.
    private static readonly SearchValues<byte> ForbiddenControls = SearchValues.Create([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create("&\r>"u8);
    private static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create("&<\"\t\n\r"u8);
    private static readonly SearchValues<byte> TagSpecials = SearchValues.Create("<>\"'"u8);
    private static readonly SearchValues<byte> NameBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:"u8);
    private static readonly SearchValues<byte> NonWhitespace = SearchValues.Create(
        Enumerable.Range(0, 256).Where(b => b is not (' ' or '\t' or '\n' or '\r')).Select(b => (byte)b).ToArray());

    private readonly Stream _input;
    private readonly long _maxBytes;
    private readonly Stream? _output;
    private readonly bool _omitEnvelopedSignature;
    private readonly EnvelopedSignatureHandler? _onEnvelopedSignature;
    private readonly bool _rootStartTagOnly;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _names;
    private readonly CachedName?[] _recentNames = new CachedName?[256];
    private readonly List<Binding> _inScope = [];
    private readonly List<Binding> _rendered = [];
    private readonly List<Frame> _open = [];
    private readonly List<ParsedAttribute> _attributes = [];
    private readonly List<Binding> _declarations = [];
    private readonly List<CanonicalAttribute> _sorted = [];
    private byte[] _buffer = new byte[InitialBuffer];
    private byte[] _values = new byte[1024];
    private readonly byte[] _out = new byte[OutputBuffer];
    private int _outCount;
    private int _pos;
    private int _end;
    private int _pin = -1;
    private long _discarded;
    private bool _endOfInput;
    private byte[] _rootId = [];
    private bool _tooLarge;
    private bool _checkEnvelope;
    private bool _suppressOutput;
    private string? _splitByComment;

    private Utf8CanonicalScanner(Stream input, long maxBytes, Stream? output, bool omitEnvelopedSignature, EnvelopedSignatureHandler? onEnvelopedSignature, bool rootStartTagOnly = false)
    {
        _input = input;
        _rootStartTagOnly = rootStartTagOnly;
        _maxBytes = maxBytes;
        _output = output;
        _omitEnvelopedSignature = omitEnvelopedSignature;
        _onEnvelopedSignature = onEnvelopedSignature;
        _names = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Reads <paramref name="input"/> to its end and writes the root's canonical bytes to <paramref name="output"/>
    /// (none when null: only the outline is wanted). Returns null when the document is outside the fast path's
    /// subset or not well-formed; what was written by then is to be thrown away.
    /// </summary>
    /// <param name="input">The serialised document, read from its current position.</param>
    /// <param name="maxBytes">The most bytes read before giving up (the reader path then applies its own limit).</param>
    /// <param name="output">Receives the canonical bytes; the caller owns it.</param>
    /// <param name="omitEnvelopedSignature">Apply the enveloped-signature transform to a first-child ds:Signature.</param>
    /// <param name="onEnvelopedSignature">
    /// Told, before any content after the root's first element child is written, whether that child is the
    /// enveloped signature, and given its bytes and the namespace bindings in scope at it when it is.
    /// </param>
    public static Utf8ScanOutline? TryScan(Stream input, long maxBytes, Stream? output, bool omitEnvelopedSignature, EnvelopedSignatureHandler? onEnvelopedSignature = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scanner = new Utf8CanonicalScanner(input, maxBytes, output, omitEnvelopedSignature, onEnvelopedSignature);
        var outline = new Utf8ScanOutline();
        return scanner.Scan(outline) ? outline : null;
    }

    /// <summary>
    /// Reads only the prolog and the root's start tag and returns the outline's root fields (name, namespace, ID,
    /// validUntil, <see cref="Utf8ScanOutline.RootStartTagLength"/>); nothing after the tag is read or checked. Null
    /// when that much is outside the fast path's subset or not well-formed.
    /// </summary>
    /// <param name="input">The serialised document, read from its current position (a buffer's worth, not to its end).</param>
    /// <param name="maxBytes">The most bytes read before giving up.</param>
    public static Utf8ScanOutline? TryScanRootStartTag(Stream input, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scanner = new Utf8CanonicalScanner(input, maxBytes, output: null, omitEnvelopedSignature: false, onEnvelopedSignature: null, rootStartTagOnly: true);
        var outline = new Utf8ScanOutline();
        return scanner.Scan(outline) ? outline : null;
    }

    private bool Scan(Utf8ScanOutline outline)
    {
        Fill();
        if (Available.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _pos += 3;
        }

        if (!Prolog())
        {
            return false;
        }

        if (!Root(outline))
        {
            return false;
        }

        if (_rootStartTagOnly)
        {
            return !_tooLarge;
        }

        FlushOutput();
        outline.ElementSplitByComment = _splitByComment;
        return Epilog() && !_tooLarge;
    }

    private ReadOnlySpan<byte> Available => _buffer.AsSpan(_pos, _end - _pos);

    // The innermost open element, changed in place (frames are values: one per element, never allocated).
    private ref Frame Top => ref CollectionsMarshal.AsSpan(_open)[^1];

    private bool Writing => _output is not null && !_suppressOutput;

    private bool At(ReadOnlySpan<byte> markup) => Ensure(markup.Length) && Available.StartsWith(markup);

    // Whitespace, comments and processing instructions until the root's start tag; the XML declaration first.
    private bool Prolog()
    {
        if (Ensure(6) && Available.StartsWith("<?xml"u8) && IsWhitespace(Available[5]))
        {
            var close = FindFrom(_pos, "?>"u8);
            if (close < 0 || !XmlDeclarationIsPlain(_buffer.AsSpan(_pos + 5, close - _pos - 5)))
            {
                return false;
            }

            _pos = close + 2;
        }

        return Misc(untilRoot: true);
    }

    private bool Epilog() => Misc(untilRoot: false) && _pos == _end && _endOfInput;

    private bool Misc(bool untilRoot)
    {
        while (true)
        {
            SkipWhitespace();
            if (!Ensure(1))
            {
                return !untilRoot;
            }

            if (At("<!--"u8))
            {
                if (!Comment())
                {
                    return false;
                }
            }
            else if (At("<?"u8))
            {
                if (!ProcessingInstruction())
                {
                    return false;
                }
            }
            else if (untilRoot && Ensure(2) && Available[0] == (byte)'<' && Available[1] is not ((byte)'!' or (byte)'/'))
            {
                return true;
            }
            else
            {
                return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Root(Utf8ScanOutline outline)
    {
        var awaitingFirstChild = _omitEnvelopedSignature;
        if (!StartTag(outline, isRoot: true, out var empty))
        {
            return false;
        }

        outline.RootStartTagLength = _discarded + _pos;
        outline.RootIsEmpty = empty;
        if (empty || _rootStartTagOnly)
        {
            return true;
        }

        while (true)
        {
            var textStart = _pos;
            var lt = FindFrom(textStart, "<"u8);
            if (lt < 0)
            {
                return false;
            }

            textStart = _pos;
            if (lt > textStart && !Text(_buffer.AsSpan(textStart, lt - textStart), cdata: false))
            {
                return false;
            }

            _pos = lt;
            if (!Ensure(2))
            {
                return false;
            }

            if (Available[1] == (byte)'/')
            {
                if (!EndTag() || !EndElement())
                {
                    return false;
                }

                if (_open.Count == 0)
                {
                    return true;
                }
            }
            else if (At("<!--"u8))
            {
                if (!Comment())
                {
                    return false;
                }

                Top.HasComment = true;
            }
            else if (At("<![CDATA["u8))
            {
                var close = FindFrom(_pos + 9, "]]>"u8);
                if (close < 0 || !Text(_buffer.AsSpan(_pos + 9, close - _pos - 9), cdata: true))
                {
                    return false;
                }

                _pos = close + 3;
            }
            else if (Available[1] is (byte)'!' or (byte)'?')
            {
                return false;
            }
            else if (awaitingFirstChild && _open.Count == 1)
            {
                awaitingFirstChild = false;
                if (!FirstChild(outline))
                {
                    return false;
                }
            }
            else if (!Element(outline))
            {
                return false;
            }
        }
    }

    // An empty element is complete with its start tag; any other stays open until its end tag.
    private bool Element(Utf8ScanOutline outline) => StartTag(outline, isRoot: false, out _);

    // The root's first element child: a ds:Signature there is the enveloped signature, checked but not canonicalised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FirstChild(Utf8ScanOutline outline)
    {
        _pin = _pos;
        var depth = _open.Count;
        var scopeCount = _inScope.Count;
        _checkEnvelope = true;
        if (!StartTag(outline, isRoot: false, out _))
        {
            return false;
        }

        if (!_suppressOutput)
        {
            _pin = -1;
            _onEnvelopedSignature?.NotSignature();
            return true;
        }

        var bindings = _inScope.Take(scopeCount).Select(b => new KeyValuePair<string, string>(b.Prefix, b.Uri)).ToList();
        while (_open.Count > depth)
        {
            if (!SignatureContent(outline))
            {
                return false;
            }
        }

        _suppressOutput = false;
        var start = _pin;
        _pin = -1;
        FlushOutput();
        _onEnvelopedSignature?.Signature(_buffer.AsSpan(start, _pos - start), bindings, _discarded + start);
        return true;
    }

    // One node inside the enveloped signature: checked like any other, written nowhere.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SignatureContent(Utf8ScanOutline outline)
    {
        var lt = FindFrom(_pos, "<"u8);
        if (lt < 0)
        {
            return false;
        }

        if (lt > _pos && !Text(_buffer.AsSpan(_pos, lt - _pos), cdata: false))
        {
            return false;
        }

        _pos = lt;
        if (!Ensure(2))
        {
            return false;
        }

        if (Available[1] == (byte)'/')
        {
            return EndTag() && EndElement();
        }

        if (At("<!--"u8))
        {
            return Comment();
        }

        if (At("<![CDATA["u8))
        {
            var close = FindFrom(_pos + 9, "]]>"u8);
            if (close < 0 || !Text(_buffer.AsSpan(_pos + 9, close - _pos - 9), cdata: true))
            {
                return false;
            }

            _pos = close + 3;
            return true;
        }

        return Available[1] is not ((byte)'!' or (byte)'?') && Element(outline);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StartTag(Utf8ScanOutline outline, bool isRoot, out bool empty)
    {
        empty = false;
        var close = TagEnd(_pos);
        if (close < 0)
        {
            return false;
        }

        var tag = _buffer.AsSpan(_pos + 1, close - _pos - 1);
        _pos = close + 1;
        empty = tag.Length > 0 && tag[^1] == (byte)'/';
        if (empty)
        {
            tag = tag[..^1];
        }

        var nameLength = NameLength(tag, out var colon);
        if (nameLength == 0)
        {
            return false;
        }

        var qualifiedName = Name(tag[..nameLength]);
        var depth = _open.Count;
        var scopeMark = _inScope.Count;
        _attributes.Clear();
        var valueCount = 0;
        var rest = tag[nameLength..];
        while (true)
        {
            var skipped = SkipWhitespace(rest);
            rest = rest[skipped..];
            if (rest.Length == 0)
            {
                break;
            }

            if (skipped == 0)
            {
                return false;
            }

            var attributeLength = NameLength(rest, out var attributeColon);
            if (attributeLength == 0)
            {
                return false;
            }

            var attributeName = rest[..attributeLength];
            rest = rest[attributeLength..];
            rest = rest[SkipWhitespace(rest)..];
            if (rest.Length == 0 || rest[0] != (byte)'=')
            {
                return false;
            }

            rest = rest[1..];
            rest = rest[SkipWhitespace(rest)..];
            if (rest.Length == 0 || rest[0] is not ((byte)'"' or (byte)'\''))
            {
                return false;
            }

            var quote = rest[0];
            var valueEnd = rest[1..].IndexOf(quote);
            if (valueEnd < 0)
            {
                return false;
            }

            var raw = rest.Slice(1, valueEnd);
            rest = rest[(valueEnd + 2)..];
            if (raw.Contains((byte)'<') || !CharactersAreValid(raw))
            {
                return false;
            }

            if (attributeName.SequenceEqual("xmlns"u8) || attributeName.StartsWith("xmlns:"u8))
            {
                var prefix = attributeColon < 0 ? string.Empty : Name(attributeName[(attributeColon + 1)..]);
                var uri = DecodeAttribute(raw);
                if (uri is null || prefix is "xml" or "xmlns" || (prefix.Length > 0 && uri.Length == 0) || uri is XmlNamespace or XmlnsNamespace)
                {
                    return false;
                }

                for (var i = scopeMark; i < _inScope.Count; i++)
                {
                    if (_inScope[i].Prefix == prefix)
                    {
                        return false;
                    }
                }

                _inScope.Add(new Binding(depth, prefix, uri));
                continue;
            }

            var start = valueCount;
            if (!CanonicalAttributeValue(raw, ref valueCount))
            {
                return false;
            }

            var attributePrefix = attributeColon < 0 ? string.Empty : Name(attributeName[..attributeColon]);
            var attributeLocal = attributeColon < 0 ? Name(attributeName) : Name(attributeName[(attributeColon + 1)..]);
            _attributes.Add(new ParsedAttribute(Name(attributeName), attributePrefix, attributeLocal, start, valueCount - start, isRoot ? DecodeAttribute(raw) : null));
            if (!isRoot && _rootId.Length > 0 && outline.ElementWithRootId is null && IsIdName(attributeName) && RawValueEquals(raw, _rootId))
            {
                outline.ElementWithRootId = qualifiedName;
            }
        }

        var elementPrefix = colon < 0 ? string.Empty : Name(tag[..colon]);
        var localName = colon < 0 ? qualifiedName : Name(tag[(colon + 1)..nameLength]);
        if (elementPrefix is "xml" or "xmlns")
        {
            return false;
        }

        var elementNamespace = Resolve(elementPrefix);
        if (elementNamespace is null)
        {
            return false;
        }

        _declarations.Clear();
        RenderIfNeeded(elementPrefix, elementNamespace, depth);
        var sorted = _sorted;
        sorted.Clear();
        for (var i = 0; i < _attributes.Count; i++)
        {
            var attribute = _attributes[i];
            var attributeLocal = attribute.LocalName;
            var prefix = attribute.Prefix;
            string ns;
            if (prefix.Length == 0)
            {
                ns = string.Empty;
            }
            else
            {
                if (prefix == "xml")
                {
                    ns = XmlNamespace;
                }
                else
                {
                    var resolved = Resolve(prefix);
                    if (resolved is null || resolved.Length == 0)
                    {
                        return false;
                    }

                    ns = resolved;
                    RenderIfNeeded(prefix, ns, depth);
                }
            }

            for (var j = 0; j < i; j++)
            {
                if (sorted[j].Namespace == ns && sorted[j].LocalName == attributeLocal)
                {
                    return false;
                }
            }

            sorted.Add(new CanonicalAttribute(ns, attributeLocal, attribute));
        }

        if (isRoot)
        {
            outline.RootQualifiedName = qualifiedName;
            outline.RootLocalName = localName;
            outline.RootNamespace = elementNamespace;
            outline.RootId = AttributeValue("ID");
            outline.ValidUntil = AttributeValue("validUntil");
            _rootId = outline.RootId is null ? [] : Encoding.UTF8.GetBytes(outline.RootId);
        }

        if (localName == "Signature" && elementNamespace == DsNamespace)
        {
            if (_checkEnvelope)
            {
                // The enveloped signature is not content: nothing of it is written or counted.
                _suppressOutput = true;
                outline.HasEnvelopedSignature = true;
            }
            else if (!_suppressOutput)
            {
                // Signatures inside the enveloped one are its reader's to count.
                outline.SignatureCount++;
            }
        }

        _checkEnvelope = false;

        if (localName == "EntityDescriptor" && elementNamespace == SamlNamespaces.Metadata)
        {
            outline.EntityDescriptorCount++;
        }

        if (Writing)
        {
            WriteStartTag(qualifiedName, sorted);
        }

        if (empty)
        {
            if (Writing)
            {
                Write("</"u8);
                WriteAscii(qualifiedName);
                Write(">"u8);
            }

            PopScope(depth);
        }
        else
        {
            _open.Add(new Frame(qualifiedName));
        }

        return true;

        string? AttributeValue(string name) => _attributes.FirstOrDefault(a => a.QualifiedName == name).Decoded;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteStartTag(string qualifiedName, List<CanonicalAttribute> attributes)
    {
        Write("<"u8);
        WriteAscii(qualifiedName);
        if (_declarations.Count > 1)
        {
            _declarations.Sort(static (a, b) => string.CompareOrdinal(a.Prefix, b.Prefix));
        }

        foreach (var declaration in _declarations)
        {
            if (declaration.Prefix.Length == 0)
            {
                Write(" xmlns=\""u8);
            }
            else
            {
                Write(" xmlns:"u8);
                WriteAscii(declaration.Prefix);
                Write("=\""u8);
            }

            WriteEscapedString(declaration.Uri);
            Write("\""u8);
        }

        if (attributes.Count > 1)
        {
            attributes.Sort(static (a, b) =>
            {
                var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
                return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.LocalName, b.LocalName);
            });
        }

        foreach (var attribute in attributes)
        {
            Write(" "u8);
            WriteAscii(attribute.Parsed.QualifiedName);
            Write("=\""u8);
            Write(_values.AsSpan(attribute.Parsed.ValueStart, attribute.Parsed.ValueLength));
            Write("\""u8);
        }

        Write(">"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool EndTag()
    {
        var close = FindFrom(_pos, ">"u8);
        if (close < 0)
        {
            return false;
        }

        var tag = _buffer.AsSpan(_pos + 2, close - _pos - 2);
        _pos = close + 1;
        var nameLength = NameLength(tag, out _);
        if (nameLength == 0 || SkipWhitespace(tag[nameLength..]) != tag.Length - nameLength || _open.Count == 0)
        {
            return false;
        }

        return Name(tag[..nameLength]) == _open[^1].QualifiedName;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool EndElement()
    {
        var frame = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (frame.HasComment && frame.HasText && _splitByComment is null && !_suppressOutput)
        {
            _splitByComment = frame.QualifiedName;
        }

        if (Writing)
        {
            Write("</"u8);
            WriteAscii(frame.QualifiedName);
            Write(">"u8);
        }

        PopScope(_open.Count);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PopScope(int depth)
    {
        while (_inScope.Count > 0 && _inScope[^1].Depth >= depth)
        {
            _inScope.RemoveAt(_inScope.Count - 1);
        }

        while (_rendered.Count > 0 && _rendered[^1].Depth >= depth)
        {
            _rendered.RemoveAt(_rendered.Count - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Resolve(string prefix)
    {
        for (var i = _inScope.Count - 1; i >= 0; i--)
        {
            if (_inScope[i].Prefix == prefix)
            {
                return _inScope[i].Uri;
            }
        }

        return prefix.Length == 0 ? string.Empty : null;
    }

    // Exclusive c14n renders a namespace only where it is visibly utilised and the nearest output ancestor has not
    // already rendered the same binding; the default namespace starts out as the empty one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        _rendered.Add(new Binding(depth, prefix, uri));
        _declarations.Add(new Binding(depth, prefix, uri));
    }

    // Text or CDATA content: line ends normalised, references resolved, then escaped the canonical way.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Text(ReadOnlySpan<byte> raw, bool cdata)
    {
        if (!CharactersAreValid(raw) || (!cdata && raw.IndexOf("]]>"u8) >= 0))
        {
            return false;
        }

        if (_open.Count > 0 && !_open[^1].HasText && raw.IndexOfAny(NonWhitespace) >= 0 && !_suppressOutput)
        {
            if (cdata || (!raw.Contains((byte)'&') && Ascii.IsValid(raw)))
            {
                Top.HasText = !cdata || !string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(raw));
            }
            else
            {
                var decoded = DecodeText(raw);
                if (decoded is null)
                {
                    return false;
                }

                Top.HasText = !string.IsNullOrWhiteSpace(decoded);
            }
        }

        var write = Writing;
        while (true)
        {
            var index = cdata ? raw.IndexOfAny(CdataSpecials) : raw.IndexOfAny(TextSpecials);
            if (index < 0)
            {
                if (write)
                {
                    Write(raw);
                }

                return true;
            }

            if (write)
            {
                Write(raw[..index]);
            }

            var b = raw[index];
            if (b == (byte)'\r')
            {
                if (write)
                {
                    Write("\n"u8);
                }

                raw = raw[(index + 1)..];
                if (raw.Length > 0 && raw[0] == (byte)'\n')
                {
                    raw = raw[1..];
                }

                continue;
            }

            if (b == (byte)'&' && !cdata)
            {
                var consumed = Reference(raw[index..], out var rune);
                if (consumed == 0)
                {
                    return false;
                }

                if (write)
                {
                    WriteTextRune(rune);
                }

                raw = raw[(index + consumed)..];
                continue;
            }

            if (write)
            {
                Write(b switch
                {
                    (byte)'&' => "&amp;"u8,
                    (byte)'<' => "&lt;"u8,
                    _ => "&gt;"u8,
                });
            }

            raw = raw[(index + 1)..];
        }
    }

    private static readonly SearchValues<byte> CdataSpecials = SearchValues.Create("&<>\r"u8);

    private void WriteTextRune(Rune rune)
    {
        switch (rune.Value)
        {
            case '&':
                Write("&amp;"u8);
                break;
            case '<':
                Write("&lt;"u8);
                break;
            case '>':
                Write("&gt;"u8);
                break;
            case '\r':
                Write("&#xD;"u8);
                break;
            default:
                WriteRune(rune);
                break;
        }
    }

    // The attribute's value as canonical output (normalised, references resolved, escaped) appended to _values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CanonicalAttributeValue(ReadOnlySpan<byte> raw, ref int count)
    {
        while (true)
        {
            var index = raw.IndexOfAny(AttributeSpecials);
            if (index < 0)
            {
                AppendValue(raw, ref count);
                return true;
            }

            AppendValue(raw[..index], ref count);
            var b = raw[index];
            raw = raw[(index + 1)..];
            switch (b)
            {
                case (byte)'\t' or (byte)'\n':
                    AppendValue(" "u8, ref count);
                    break;
                case (byte)'\r':
                    AppendValue(" "u8, ref count);
                    if (raw.Length > 0 && raw[0] == (byte)'\n')
                    {
                        raw = raw[1..];
                    }

                    break;
                case (byte)'"':
                    AppendValue("&quot;"u8, ref count);
                    break;
                case (byte)'<':
                    return false;
                default:
                    var consumed = Reference(raw, out var rune, afterAmpersand: true);
                    if (consumed == 0)
                    {
                        return false;
                    }

                    raw = raw[consumed..];
                    AppendEscapedRune(rune, ref count);
                    break;
            }
        }
    }

    private void AppendEscapedRune(Rune rune, ref int count)
    {
        switch (rune.Value)
        {
            case '&':
                AppendValue("&amp;"u8, ref count);
                break;
            case '<':
                AppendValue("&lt;"u8, ref count);
                break;
            case '"':
                AppendValue("&quot;"u8, ref count);
                break;
            case '\t':
                AppendValue("&#x9;"u8, ref count);
                break;
            case '\n':
                AppendValue("&#xA;"u8, ref count);
                break;
            case '\r':
                AppendValue("&#xD;"u8, ref count);
                break;
            default:
                Span<byte> utf8 = stackalloc byte[4];
                AppendValue(utf8[..rune.EncodeToUtf8(utf8)], ref count);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendValue(ReadOnlySpan<byte> bytes, ref int count)
    {
        if (count + bytes.Length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, count + bytes.Length));
        }

        bytes.CopyTo(_values.AsSpan(count));
        count += bytes.Length;
    }

    // An attribute's value as the parser reports it (for the root's ID and validUntil, and namespace URIs).
    private static string? DecodeAttribute(ReadOnlySpan<byte> raw)
    {
        var builder = new StringBuilder(raw.Length);
        while (raw.Length > 0)
        {
            var index = raw.IndexOfAny("&\t\n\r"u8);
            var run = index < 0 ? raw : raw[..index];
            builder.Append(Encoding.UTF8.GetString(run));
            if (index < 0)
            {
                break;
            }

            var b = raw[index];
            raw = raw[(index + 1)..];
            if (b == (byte)'&')
            {
                var consumed = Reference(raw, out var rune, afterAmpersand: true);
                if (consumed == 0)
                {
                    return null;
                }

                builder.Append(rune.ToString());
                raw = raw[consumed..];
            }
            else
            {
                builder.Append(' ');
                if (b == (byte)'\r' && raw.Length > 0 && raw[0] == (byte)'\n')
                {
                    raw = raw[1..];
                }
            }
        }

        return builder.ToString();
    }

    private static string? DecodeText(ReadOnlySpan<byte> raw)
    {
        var builder = new StringBuilder(raw.Length);
        while (raw.Length > 0)
        {
            var index = raw.IndexOf((byte)'&');
            builder.Append(Encoding.UTF8.GetString(index < 0 ? raw : raw[..index]));
            if (index < 0)
            {
                break;
            }

            var consumed = Reference(raw[index..], out var rune);
            if (consumed == 0)
            {
                return null;
            }

            builder.Append(rune.ToString());
            raw = raw[(index + consumed)..];
        }

        return builder.ToString();
    }

    // A character or predefined entity reference starting at '&' (or just after it); 0 when it is neither.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Reference(ReadOnlySpan<byte> text, out Rune rune, bool afterAmpersand = false)
    {
        rune = default;
        var offset = afterAmpersand ? 0 : 1;
        var body = text[offset..];
        var semicolon = body.IndexOf((byte)';');
        if (semicolon <= 0 || semicolon > 10)
        {
            return 0;
        }

        var name = body[..semicolon];
        int value;
        if (name[0] == (byte)'#')
        {
            var hex = name.Length > 1 && name[1] == (byte)'x';
            var digits = name[(hex ? 2 : 1)..];
            if (digits.Length == 0 || !TryParseNumber(digits, hex, out value))
            {
                return 0;
            }
        }
        else
        {
            value = name switch
            {
                _ when name.SequenceEqual("amp"u8) => '&',
                _ when name.SequenceEqual("lt"u8) => '<',
                _ when name.SequenceEqual("gt"u8) => '>',
                _ when name.SequenceEqual("quot"u8) => '"',
                _ when name.SequenceEqual("apos"u8) => '\'',
                _ => -1,
            };
        }

        if (!IsXmlChar(value))
        {
            return 0;
        }

        rune = new Rune(value);
        return offset + semicolon + 1;
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> digits, bool hex, out int value)
    {
        value = 0;
        if (digits.Length > 7)
        {
            return false;
        }

        foreach (var d in digits)
        {
            int digit = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value * (hex ? 16 : 10)) + digit;
        }

        return true;
    }

    private static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    // UTF-8 that decodes to XML characters only: no forbidden controls, no U+FFFE or U+FFFF.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool CharactersAreValid(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOfAny(ForbiddenControls) < 0
        && (Ascii.IsValid(bytes) || (Utf8.IsValid(bytes) && bytes.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBE]) < 0 && bytes.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBF]) < 0));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Comment()
    {
        var close = FindFrom(_pos + 4, "--"u8);
        if (close < 0)
        {
            return false;
        }

        // Reading on for the '>' may move the buffer: the comment's end is kept relative to the position.
        var length = close - _pos;
        if (!Ensure(length + 3))
        {
            return false;
        }

        close = _pos + length;
        if (_buffer[close + 2] != (byte)'>' || !CharactersAreValid(_buffer.AsSpan(_pos + 4, close - _pos - 4)))
        {
            return false;
        }

        _pos = close + 3;
        return true;
    }

    private bool ProcessingInstruction()
    {
        var close = FindFrom(_pos + 2, "?>"u8);
        if (close < 0)
        {
            return false;
        }

        var body = _buffer.AsSpan(_pos + 2, close - _pos - 2);
        var nameLength = NameLength(body, out var colon);
        if (nameLength == 0 || colon >= 0 || (nameLength == 3 && Ascii.EqualsIgnoreCase(body[..3], "xml"u8))
            || (nameLength < body.Length && !IsWhitespace(body[nameLength])) || !CharactersAreValid(body))
        {
            return false;
        }

        _pos = close + 2;
        return true;
    }

    private static bool XmlDeclarationIsPlain(ReadOnlySpan<byte> body)
    {
        var text = Encoding.ASCII.GetString(body).Trim();
        var parts = text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        string[] allowed = ["version=\"1.0\"", "version='1.0'"];
        if (parts.Length == 0 || !allowed.Contains(parts[0]))
        {
            return false;
        }

        var next = 1;
        if (next < parts.Length && parts[next].StartsWith("encoding=", StringComparison.Ordinal))
        {
            if (!string.Equals(parts[next][9..].Trim('"', '\''), "utf-8", StringComparison.OrdinalIgnoreCase) || parts[next][9] != parts[next][^1])
            {
                return false;
            }

            next++;
        }

        if (next < parts.Length && parts[next] is "standalone=\"yes\"" or "standalone=\"no\"" or "standalone='yes'" or "standalone='no'")
        {
            next++;
        }

        return next == parts.Length;
    }

    private static bool IsIdName(ReadOnlySpan<byte> name) => name.SequenceEqual("ID"u8) || name.SequenceEqual("Id"u8) || name.SequenceEqual("id"u8);

    private static bool RawValueEquals(ReadOnlySpan<byte> raw, byte[] value) =>
        raw.IndexOfAny("&\t\n\r"u8) < 0 ? raw.SequenceEqual(value) : DecodeAttribute(raw) is { } decoded && Encoding.UTF8.GetBytes(decoded).AsSpan().SequenceEqual(value);

    // An ASCII XML name at the start of the span, with at most one colon inside it; 0 when there is none.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NameLength(ReadOnlySpan<byte> span, out int colon)
    {
        colon = -1;
        if (span.Length == 0 || !(char.IsAsciiLetter((char)span[0]) || span[0] == (byte)'_'))
        {
            return 0;
        }

        var length = span.IndexOfAnyExcept(NameBytes);
        if (length < 0)
        {
            length = span.Length;
        }

        if (length < span.Length && span[length] >= 0x80)
        {
            return 0;
        }

        var name = span[..length];
        colon = name.IndexOf((byte)':');
        if (colon >= 0)
        {
            if (colon == length - 1 || name[(colon + 1)..].Contains((byte)':') || !(char.IsAsciiLetter((char)name[colon + 1]) || name[colon + 1] == (byte)'_'))
            {
                return 0;
            }
        }

        return length;
    }

    // Names repeat: a direct-mapped cache on the bytes answers most lookups without widening or hashing them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Name(ReadOnlySpan<byte> ascii)
    {
        if (ascii.IsEmpty)
        {
            return string.Empty;
        }

        var slot = ((ascii.Length * 31) + (ascii[0] * 7) + (ascii[^1] * 13) + ascii[ascii.Length / 2]) & (_recentNames.Length - 1);
        if (_recentNames[slot] is { } recent && ascii.SequenceEqual(recent.Bytes))
        {
            return recent.Text;
        }

        var name = Intern(ascii);
        _recentNames[slot] = new CachedName(ascii.ToArray(), name);
        return name;
    }

    // A hostile document's names can be megabytes long; only short ones are widened on the stack.
    private string Intern(ReadOnlySpan<byte> ascii)
    {
        Span<char> chars = ascii.Length <= 256 ? stackalloc char[ascii.Length] : new char[ascii.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        if (_names.TryGetValue(chars, out var name))
        {
            return name;
        }

        name = new string(chars);
        _names[name] = name;
        return name;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipWhitespace(ReadOnlySpan<byte> span)
    {
        var index = span.IndexOfAnyExcept(" \t\n\r"u8);
        return index < 0 ? span.Length : index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SkipWhitespace()
    {
        while (true)
        {
            _pos += SkipWhitespace(Available);
            if (_pos < _end || !Fill())
            {
                return;
            }
        }
    }

    // The '>' that closes the tag starting at 'start', skipping quoted attribute values; -1 when there is none.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TagEnd(int start)
    {
        var offset = 1;
        byte quote = 0;
        while (true)
        {
            var span = _buffer.AsSpan(start + offset, _end - start - offset);
            var index = quote == 0 ? span.IndexOfAny(TagSpecials) : span.IndexOf(quote);
            if (index >= 0)
            {
                var b = span[index];
                offset += index + 1;
                if (quote != 0)
                {
                    quote = 0;
                    continue;
                }

                if (b == (byte)'>')
                {
                    return start + offset - 1;
                }

                if (b == (byte)'<')
                {
                    return -1;
                }

                quote = b;
                continue;
            }

            offset = _end - start;
            var before = _pos;
            if (!Fill())
            {
                return -1;
            }

            start -= before - _pos;
        }
    }

    // The first occurrence of 'needle' at or after 'from', reading on as needed; -1 at the end of the input.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindFrom(int from, ReadOnlySpan<byte> needle)
    {
        var offset = from - _pos;
        var searched = offset;
        while (true)
        {
            var index = _buffer.AsSpan(_pos + searched, _end - _pos - searched).IndexOf(needle);
            if (index >= 0)
            {
                return _pos + searched + index;
            }

            searched = Math.Max(offset, _end - _pos - needle.Length + 1);
            if (!Fill())
            {
                return -1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    // Reads more input, first moving what is still needed (from the pin or the position) to the buffer's start.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill()
    {
        if (_endOfInput)
        {
            return false;
        }

        var keep = _pin >= 0 ? Math.Min(_pin, _pos) : _pos;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _discarded += keep;
            _end -= keep;
            _pos -= keep;
            if (_pin >= 0)
            {
                _pin -= keep;
            }
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0 || _discarded + _end + read > _maxBytes)
        {
            // Over the limit, the reader path decides; the scan is not trusted however it ends.
            _tooLarge = read > 0;
            _endOfInput = true;
            return false;
        }

        _end += read;
        return true;
    }

    // A namespace URI, already decoded, escaped as an attribute value.
    private void WriteEscapedString(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '&':
                    Write("&amp;"u8);
                    break;
                case '<':
                    Write("&lt;"u8);
                    break;
                case '"':
                    Write("&quot;"u8);
                    break;
                case '\t':
                    Write("&#x9;"u8);
                    break;
                case '\n':
                    Write("&#xA;"u8);
                    break;
                case '\r':
                    Write("&#xD;"u8);
                    break;
                default:
                    WriteRune(rune);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteAscii(string ascii)
    {
        // A name can be longer than the buffer: it is written a buffer's worth at a time.
        var rest = ascii.AsSpan();
        while (!rest.IsEmpty)
        {
            if (_outCount == _out.Length || (_outCount + rest.Length > _out.Length && _outCount > 0))
            {
                FlushOutput();
            }

            if (Ascii.FromUtf16(rest, _out.AsSpan(_outCount), out var written) == OperationStatus.InvalidData)
            {
                throw new InvalidOperationException("the scanner only writes names it has checked to be ASCII");
            }

            _outCount += written;
            rest = rest[written..];
        }
    }

    private void WriteRune(Rune rune)
    {
        if (_outCount + 4 > _out.Length)
        {
            FlushOutput();
        }

        _outCount += rune.EncodeToUtf8(_out.AsSpan(_outCount));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (_outCount + bytes.Length > _out.Length)
        {
            FlushOutput();
            if (bytes.Length > _out.Length)
            {
                _output!.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_out.AsSpan(_outCount));
        _outCount += bytes.Length;
    }

    private void FlushOutput()
    {
        if (_outCount > 0)
        {
            _output?.Write(_out, 0, _outCount);
            _outCount = 0;
        }
    }

    private readonly record struct Binding(int Depth, string Prefix, string Uri);

    private sealed record CachedName(byte[] Bytes, string Text);

    private readonly record struct ParsedAttribute(string QualifiedName, string Prefix, string LocalName, int ValueStart, int ValueLength, string? Decoded);

    private readonly record struct CanonicalAttribute(string Namespace, string LocalName, ParsedAttribute Parsed);

    private struct Frame(string qualifiedName)
    {
        public readonly string QualifiedName => qualifiedName;

        public bool HasText { get; set; }

        public bool HasComment { get; set; }
    }
}
