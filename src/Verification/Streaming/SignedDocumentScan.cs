using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Verification.Streaming;

/// <summary>
/// Everything the strict verifier decides on, gathered in one streaming pass: the root's name, ID and validUntil,
/// the structure the wrapping checks look at, the one signature (small, kept as a DOM fragment) and the digest of
/// the root computed with the DigestMethod that signature names. The content itself is never held.
/// </summary>
internal sealed class SignedDocumentScan
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;
    private static readonly string[] IdAttributeNames = ["ID", "Id", "id"];

    private readonly Stack<ElementFrame> _open = new();
    private int _rootDepth;
    private bool _digestDecided;
    private DeferredHashingStream? _deferred;
    private IReadOnlyDictionary<HashAlgorithmName, byte[]>? _speculativeDigests;
    private IReadOnlyList<KeyValuePair<string, string>> _firstChildScope = [];
    private XmlReaderSettings? _settings;

    private SignedDocumentScan()
    {
    }

    /// <summary>The root's local name.</summary>
    public string RootLocalName { get; private set; } = string.Empty;

    /// <summary>The root's namespace URI.</summary>
    public string RootNamespace { get; private set; } = string.Empty;

    /// <summary>The root's ID attribute, empty when it has none.</summary>
    public string RootId { get; private set; } = string.Empty;

    /// <summary>The root's validUntil attribute, empty when it has none.</summary>
    public string ValidUntil { get; private set; } = string.Empty;

    /// <summary>How many ds:Signature elements the document holds, anywhere.</summary>
    public int SignatureCount { get; private set; }

    /// <summary>The root's first element child when it is a ds:Signature, as a standalone element.</summary>
    public XmlElement? Signature { get; private set; }

    /// <summary>The name of the first element other than the root that carries the root's ID.</summary>
    public string? ElementWithRootId { get; private set; }

    /// <summary>The name of an element whose text a comment splits.</summary>
    public string? ElementSplitByComment { get; private set; }

    /// <summary>The digest of the root without its signature, or null when the signature names no allowed digest.</summary>
    public byte[]? Digest { get; private set; }

    /// <summary>
    /// For a scan of a document whose signature is written last: where the root's first element child starts (bytes
    /// from where reading began) and how long it is; -1 and 0 when the first element child is not a signature.
    /// </summary>
    public (long Offset, int Length) FirstChild { get; private set; } = (-1, 0);

    /// <summary>
    /// Reads a document whose enveloped signature becomes final only after the rest is written (a signer's placeholder
    /// of the same length stands there until then), in one pass: the content is digested from the start with each of
    /// <paramref name="digests"/>, the first element child is only located (<see cref="FirstChild"/>), and
    /// <see cref="AcceptFinalSignature"/> judges its final bytes afterwards. Null when the document is outside the
    /// byte-level subset, which this mode does not fall back from.
    /// </summary>
    /// <param name="document">The document; read to its end, not closed, never sought.</param>
    /// <param name="settings">Safe reader settings: DTDs prohibited, no resolver, a size cap.</param>
    /// <param name="digests">The digest algorithms the allowed signature methods name.</param>
    public static SignedDocumentScan? ReadWithSignatureLast(Stream document, XmlReaderSettings settings, IEnumerable<HashAlgorithmName> digests)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var scan = new SignedDocumentScan { _settings = settings };
        using var sink = new SpeculativeHashingStream(digests);
        var outline = Utf8CanonicalScanner.TryScan(document, settings.MaxCharactersInDocument, sink, omitEnvelopedSignature: true, new SignatureLocator(scan));
        if (outline is null)
        {
            return null;
        }

        scan.CopyOutline(outline);
        scan._speculativeDigests = sink.Finish();
        return scan;
    }

    /// <summary>
    /// Judges the final bytes at <see cref="FirstChild"/>'s place after <see cref="ReadWithSignatureLast"/>: they must
    /// be exactly one ds:Signature element, judged as a signature read in place would be, and its DigestMethod picks
    /// the digest.
    /// </summary>
    /// <exception cref="XmlException">The bytes are not one well-formed element.</exception>
    public void AcceptFinalSignature(ReadOnlySpan<byte> element)
    {
        if (_speculativeDigests is null || _settings is null || FirstChild.Offset < 0)
        {
            throw new InvalidOperationException("only a scan read with the signature last has a first child to accept");
        }

        var signature = ParseSignature(element, _firstChildScope, _settings, out var trailing);
        if (trailing || signature.LocalName != "Signature" || signature.NamespaceURI != Ds)
        {
            throw new XmlException("the bytes at the signature's place are not exactly one ds:Signature element");
        }

        var method = AcceptSignature(signature);
        Digest = method is not null && _speculativeDigests.TryGetValue(method.Hash, out var digest) ? digest : null;
    }

    /// <summary>Reads the whole document once.</summary>
    /// <param name="document">The signed document; read to its end, not closed.</param>
    /// <param name="settings">Safe reader settings: DTDs prohibited, no resolver, a size cap.</param>
    /// <param name="signedContent">Receives the root's canonical form (what was signed) as it is computed.</param>
    /// <exception cref="XmlException">The document is not well-formed or declares a DTD.</exception>
    public static SignedDocumentScan Read(Stream document, XmlReaderSettings settings, Stream? signedContent)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        if (document.CanSeek && (signedContent is null || signedContent.CanSeek))
        {
            var start = document.Position;
            var contentStart = signedContent?.Position ?? 0;
            if (ReadFast(document, settings, signedContent) is { } fast)
            {
                return fast;
            }

            // Outside the fast path's subset: what it wrote is dropped, and the reader path starts again.
            document.Position = start;
            signedContent?.SetLength(contentStart);
        }

        return ReadWithReader(document, settings, signedContent);
    }

    private static SignedDocumentScan? ReadFast(Stream document, XmlReaderSettings settings, Stream? signedContent)
    {
        var scan = new SignedDocumentScan();
        using var sink = new DeferredHashingStream(signedContent);
        scan._deferred = sink;
        var outline = Utf8CanonicalScanner.TryScan(document, settings.MaxCharactersInDocument, sink, omitEnvelopedSignature: true, new FastSignatureHandler(scan, settings));
        if (outline is null)
        {
            return null;
        }

        scan.CopyOutline(outline);
        scan.Digest = sink.Finish();
        return scan;
    }

    private void CopyOutline(Utf8ScanOutline outline)
    {
        RootLocalName = outline.RootLocalName;
        RootNamespace = outline.RootNamespace;
        RootId = outline.RootId ?? string.Empty;
        ValidUntil = outline.ValidUntil ?? string.Empty;
        SignatureCount += outline.SignatureCount;
        ElementWithRootId ??= outline.ElementWithRootId;
        ElementSplitByComment ??= outline.ElementSplitByComment;
    }

    // An element's bytes parsed on their own with the namespaces in scope where it stood; trailing tells whether
    // anything follows the element.
    private static XmlElement ParseSignature(ReadOnlySpan<byte> element, IReadOnlyList<KeyValuePair<string, string>> inScope, XmlReaderSettings settings, out bool trailing)
    {
        using var reader = FragmentReader(element, inScope, settings);
        var holder = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var signature = (XmlElement)holder.ReadNode(reader)!;
        holder.AppendChild(signature);
        trailing = !reader.EOF && reader.NodeType != XmlNodeType.None;
        return signature;
    }

    private static XmlReader FragmentReader(ReadOnlySpan<byte> element, IReadOnlyList<KeyValuePair<string, string>> inScope, XmlReaderSettings settings)
    {
        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in inScope)
        {
            namespaces.AddNamespace(prefix, uri);
        }

        var fragment = settings.Clone();
        fragment.ConformanceLevel = ConformanceLevel.Fragment;
        fragment.NameTable = names;
        var reader = XmlReader.Create(new MemoryStream(element.ToArray(), writable: false), fragment, new XmlParserContext(names, namespaces, null, XmlSpace.None));
        reader.MoveToContent();
        return reader;
    }

    private static SignedDocumentScan ReadWithReader(Stream document, XmlReaderSettings settings, Stream? signedContent)
    {
        var scan = new SignedDocumentScan();
        using var reader = XmlReader.Create(document, settings);
        reader.MoveToContent();
        scan.RootLocalName = reader.LocalName;
        scan.RootNamespace = reader.NamespaceURI;
        scan.RootId = reader.GetAttribute("ID") ?? string.Empty;
        scan.ValidUntil = reader.GetAttribute("validUntil") ?? string.Empty;
        scan._rootDepth = reader.Depth;
        using var sink = new DeferredHashingStream(signedContent);
        scan._deferred = sink;
        new ExclusiveCanonicalWriter(sink).WriteSubtree(reader, omitEnvelopedSignature: true, scan.Observe, scan.ReadSignature);
        while (reader.Read())
        {
            // Reading to the end is what makes a malformed tail a refusal rather than an ignored suffix.
        }

        scan.Digest = sink.Finish();
        return scan;
    }

    private void Observe(XmlReader node)
    {
        switch (node.NodeType)
        {
            case XmlNodeType.Element:
                ObserveElement(node);
                break;
            case XmlNodeType.EndElement:
                EndElement();
                break;
            case XmlNodeType.Text:
            case XmlNodeType.CDATA:
                if (_open.Count > 0 && !string.IsNullOrWhiteSpace(node.Value))
                {
                    _open.Peek().HasText = true;
                }

                break;
            case XmlNodeType.Comment:
                if (_open.Count > 0)
                {
                    _open.Peek().HasComment = true;
                }

                break;
        }
    }

    private void ObserveElement(XmlReader element)
    {
        var isRoot = element.Depth == _rootDepth;
        if (!isRoot)
        {
            if (element.Depth == _rootDepth + 1 && !_digestDecided)
            {
                // The first element child is not a signature: nothing names a digest, so no content is held.
                _digestDecided = true;
                _deferred?.Discard();
            }

            if (element.LocalName == "Signature" && element.NamespaceURI == Ds)
            {
                SignatureCount++;
            }

            if (ElementWithRootId is null && RootId.Length > 0 && IdAttributeNames.Any(name => element.GetAttribute(name) == RootId))
            {
                ElementWithRootId = element.Name;
            }
        }

        if (!element.IsEmptyElement)
        {
            _open.Push(new ElementFrame(element.Name));
        }
    }

    private void ReadSignature(XmlReader reader)
    {
        var holder = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var signature = (XmlElement)holder.ReadNode(reader)!;
        holder.AppendChild(signature);
        var method = AcceptSignature(signature);
        if (method is null)
        {
            _deferred!.Discard();
        }
        else
        {
            _deferred!.Start(method.Hash);
        }
    }

    // Records the signature and what the wrapping checks see inside it; returns the method whose DigestMethod it
    // names, null when none does.
    private SignatureMethod? AcceptSignature(XmlElement signature)
    {
        Signature = signature;
        SignatureCount += 1 + signature.GetElementsByTagName("Signature", Ds).Count;
        foreach (var element in signature.SelectNodes("descendant-or-self::*")!.OfType<XmlElement>())
        {
            if (ElementWithRootId is null && RootId.Length > 0 && IdAttributeNames.Any(name => element.GetAttribute(name) == RootId))
            {
                ElementWithRootId = element.Name;
            }
        }

        foreach (var comment in signature.SelectNodes("descendant::comment()")!.OfType<XmlComment>())
        {
            var parent = comment.ParentNode!;
            if (ElementSplitByComment is null
                && parent.ChildNodes.OfType<XmlCharacterData>().Any(t => t is XmlText or XmlCDataSection && !string.IsNullOrWhiteSpace(t.Value)))
            {
                ElementSplitByComment = parent.Name;
            }
        }

        _digestDecided = true;
        var digestUri = signature.GetElementsByTagName("DigestMethod", Ds).OfType<XmlElement>().FirstOrDefault()?.GetAttribute("Algorithm");
        return SignatureMethod.All.FirstOrDefault(m => m.DigestUri == digestUri);
    }

    private void EndElement()
    {
        var frame = _open.Pop();
        if (frame.HasComment && frame.HasText && ElementSplitByComment is null)
        {
            ElementSplitByComment = frame.Name;
        }
    }

    // The fast path's signature, parsed on its own with the namespaces in scope where it stood (the root's ID is
    // already known: the root's start tag came first).
    private sealed class FastSignatureHandler(SignedDocumentScan scan, XmlReaderSettings settings) : EnvelopedSignatureHandler
    {
        public override void Signature(ReadOnlySpan<byte> element, IReadOnlyList<KeyValuePair<string, string>> inScope, long offset)
        {
            using var reader = FragmentReader(element, inScope, settings);
            scan.ReadSignature(reader);
        }

        public override void NotSignature()
        {
            scan._digestDecided = true;
            scan._deferred?.Discard();
        }
    }

    // The signature-last scan's first child: only where it stands and the namespaces in scope are kept now.
    private sealed class SignatureLocator(SignedDocumentScan scan) : EnvelopedSignatureHandler
    {
        public override void Signature(ReadOnlySpan<byte> element, IReadOnlyList<KeyValuePair<string, string>> inScope, long offset)
        {
            scan.FirstChild = (offset, element.Length);
            scan._firstChildScope = inScope;
        }

        public override void NotSignature() => scan._digestDecided = true;
    }

    private sealed class ElementFrame(string name)
    {
        public string Name { get; } = name;

        public bool HasText { get; set; }

        public bool HasComment { get; set; }
    }
}
