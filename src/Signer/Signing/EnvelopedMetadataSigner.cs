using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;
using Fedmd.Verification;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Signs the way SAML metadata consumers expect: an enveloped signature as the root's first child, exclusive
/// canonicalisation, one Reference to the root's ID, and the certificate in KeyInfo. The document is never parsed
/// into a DOM: one streaming pass digests the root (byte-level for UTF-8 metadata, through an XmlReader otherwise),
/// the small SignedInfo is canonicalised and signed, and the output is the input's bytes with the ds:Signature
/// spliced in after the root's start tag. The key signs through
/// <paramref name="signingKey"/> (an <see cref="RSA"/> or <see cref="ECDsa"/>, matching <paramref name="method"/>'s key
/// family), which may live on a token.
/// </summary>
public sealed class EnvelopedMetadataSigner(AsymmetricAlgorithm signingKey, X509Certificate2 certificate, SignatureMethod method) : IMetadataSigner
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;

    /// <inheritdoc />
    public byte[] Sign(SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = Utf8Document.Of(request.Document);
        var root = DigestRoot(document);
        RequireNCNameId(root.Id);
        return SignRoot(document, root);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One read of the file and nothing held: the root's start tag is located first, then the scanner digests the
    /// document while the same bytes are copied to <paramref name="output"/> with a placeholder of the signature's
    /// exact length after the root's start tag, which is overwritten once the key has signed. An output that cannot
    /// seek, or a signature of another length than foreseen, takes a second read that copies the file with the
    /// signature spliced in; a document outside the fast path's subset is signed in memory.
    /// </remarks>
    public SignedFile SignFile(FileSigningRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);

        // The scanner reads in large blocks, so the file stream's own buffer would only add a copy.
        using var input = new FileStream(request.DocumentPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var maxBytes = Math.Max(input.Length, 1);
        var root = output.CanSeek ? Utf8CanonicalScanner.TryScanRootStartTag(input, maxBytes) : null;
        input.Position = 0;
        if (root is null || root.RootIsEmpty || string.IsNullOrEmpty(root.RootId))
        {
            return SignFileInTwoReads(request, input, output);
        }

        var start = output.Position;
        using var hash = IncrementalHash.CreateHash(method.Hash);
        var placeholder = Placeholder(root.RootId, hash.HashLengthInBytes);
        Utf8ScanOutline? outline;
        using (var sink = new HashingStream(hash))
        {
            outline = Utf8CanonicalScanner.TryScan(new SplicingTeeStream(input, output, root.RootStartTagLength, placeholder), maxBytes, sink, omitEnvelopedSignature: false);
        }

        if (outline is null)
        {
            Discard(output, start);
            return InMemory(request, output);
        }

        var digested = Digested(outline.RootQualifiedName, outline.RootId, outline.SignatureCount, hash.GetHashAndReset());
        RequireNCNameId(digested.Id);
        var signature = SignatureFor(digested);
        if (signature.Length != placeholder.Length || outline.RootStartTagLength != root.RootStartTagLength)
        {
            Discard(output, start);
            input.Position = 0;
            WriteSpliced(input, output, digested.QualifiedName, signature);
            return new SignedFile(DocumentEntities.Of(outline));
        }

        var end = output.Position;
        output.Position = start + root.RootStartTagLength;
        output.Write(signature);
        output.Position = end;
        return new SignedFile(DocumentEntities.Of(outline));
    }

    /// <summary>
    /// Signs a root whose ID is not an NCName. Exists only so that the golden sample of the Shibboleth Metadata
    /// Aggregator (root ID <c>1234</c>) can be reproduced byte for byte in a test; the pipeline never calls it.
    /// </summary>
    internal byte[] SignAllowingAnyRootId(SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = Utf8Document.Of(request.Document);
        return SignRoot(document, DigestRoot(document));
    }

    // The first read digests the root (byte-level), the second copies the file with the signature spliced in.
    private SignedFile SignFileInTwoReads(FileSigningRequest request, FileStream input, Stream output)
    {
        Utf8ScanOutline? outline;
        byte[] digest;
        using (var hash = IncrementalHash.CreateHash(method.Hash))
        using (var sink = new HashingStream(hash))
        {
            outline = Utf8CanonicalScanner.TryScan(input, Math.Max(input.Length, 1), sink, omitEnvelopedSignature: false);
            digest = hash.GetHashAndReset();
        }

        if (outline is null)
        {
            return InMemory(request, output);
        }

        var root = Digested(outline.RootQualifiedName, outline.RootId, outline.SignatureCount, digest);
        RequireNCNameId(root.Id);
        var signature = SignatureFor(root);
        input.Position = 0;
        WriteSpliced(input, output, root.QualifiedName, signature);
        return new SignedFile(DocumentEntities.Of(outline));
    }

    private SignedFile InMemory(FileSigningRequest request, Stream output)
    {
        var inMemory = request.InMemory();
        output.Write(Sign(inMemory));
        return new SignedFile(inMemory.EntityCount);
    }

    // The file's bytes with the signature after the root's start tag (an empty root gains content and an end tag).
    private static void WriteSpliced(Stream input, Stream output, string qualifiedName, byte[] signature)
    {
        var (head, tag) = ReadThroughRootStartTag(input, qualifiedName);
        output.Write(head, 0, tag.IsEmptyElement ? tag.Close - 1 : tag.Close + 1);
        if (tag.IsEmptyElement)
        {
            output.WriteByte((byte)'>');
        }

        output.Write(signature);
        if (tag.IsEmptyElement)
        {
            output.Write("</"u8);
            output.Write(head, tag.NameStart, tag.NameLength);
            output.WriteByte((byte)'>');
        }

        output.Write(head, tag.Close + 1, head.Length - tag.Close - 1);
        input.CopyTo(output, 1 << 16);
    }

    private static void Discard(Stream output, long start)
    {
        output.SetLength(start);
        output.Position = start;
    }

    // The signature as it will be written, with zero bytes for the digest and the value: the same length, since
    // base64 of a fixed number of bytes has a fixed length and the key's signatures have the key's size.
    private byte[] Placeholder(string rootId, int digestLength)
    {
        var bytes = (signingKey.KeySize + 7) / 8;
        var valueLength = method.KeyFamily == KeyFamily.Ec ? 2 * bytes : bytes;
        var signedInfo = EnvelopedSignatureXml.SignedInfo(method, rootId, new byte[digestLength]);
        return Encoding.UTF8.GetBytes(EnvelopedSignatureXml.Signature(signedInfo, new byte[valueLength], certificate));
    }

    private static void RequireNCNameId(string id)
    {
        try
        {
            XmlConvert.VerifyNCName(id);
        }
        catch (XmlException)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"the root ID '{id}' is not an NCName (it must not start with a digit); XML Signature references need one");
        }
    }

    // The file's first bytes, read until they hold the root's start tag (a prolog is short; a long one is read on).
    private static (byte[] Head, RootStartTag Tag) ReadThroughRootStartTag(Stream input, string qualifiedName)
    {
        var head = new byte[Math.Min(input.Length, 64 * 1024)];
        var filled = 0;
        while (true)
        {
            filled += input.ReadAtLeast(head.AsSpan(filled), head.Length - filled, throwOnEndOfStream: false);
            try
            {
                var tag = RootStartTag.Locate(head.AsSpan(0, filled));
                if (!head.AsSpan(tag.NameStart, tag.NameLength).SequenceEqual(Encoding.UTF8.GetBytes(qualifiedName)))
                {
                    throw new FedmdException(FailureKind.InvalidDocument, $"the root start tag of {qualifiedName} could not be located in the document's bytes");
                }

                return (filled == head.Length ? head : head[..filled], tag);
            }
            catch (FedmdException) when (filled == head.Length && input.Position < input.Length)
            {
                Array.Resize(ref head, (int)Math.Min(input.Length, (long)head.Length * 4));
            }
        }
    }

    private DigestedRoot DigestRoot(ReadOnlyMemory<byte> document)
    {
        using (var fastHash = IncrementalHash.CreateHash(method.Hash))
        using (var fastSink = new HashingStream(fastHash))
        using (var fastInput = AsStream(document))
        {
            if (Utf8CanonicalScanner.TryScan(fastInput, Math.Max(document.Length, 1), fastSink, omitEnvelopedSignature: false) is { } outline)
            {
                return Digested(outline.RootQualifiedName, outline.RootId, outline.SignatureCount, fastHash.GetHashAndReset());
            }
        }

        // Outside the fast path's subset (another encoding's declaration, a DTD, malformed): the reader path signs
        // what it can and explains what it refuses.
        using var hash = IncrementalHash.CreateHash(method.Hash);
        using var hashing = new HashingStream(hash);
        using var input = AsStream(document);
        try
        {
            using var reader = XmlReader.Create(input, new SafeXmlLoader(Math.Max(document.Length, 1)).CreateReaderSettings());
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new FedmdException(FailureKind.InvalidDocument, "the document to sign has no root element");
            }

            var name = reader.Name;
            var id = reader.GetAttribute("ID");
            RequireId(name, id);
            var signatures = 0;
            new ExclusiveCanonicalWriter(hashing).WriteSubtree(reader, omitEnvelopedSignature: false, onNode: node =>
            {
                if (node.NodeType == XmlNodeType.Element && node.LocalName == "Signature" && node.NamespaceURI == Ds)
                {
                    signatures++;
                }
            });
            while (reader.Read())
            {
                // The rest of the document is read only so that a malformed tail is refused, not signed.
            }

            return Digested(name, id, signatures, hash.GetHashAndReset());
        }
        catch (XmlException e)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"the document to sign is not safe, well-formed XML: {e.Message}", e);
        }
    }

    private static DigestedRoot Digested(string name, string? id, int signatures, byte[] digest)
    {
        RequireId(name, id);
        if (signatures > 0)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                "the document already carries a ds:Signature; sign an unsigned document (remove the old signature first)");
        }

        return new DigestedRoot(name, id!, digest);
    }

    private static void RequireId(string name, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"the root element {name} has no ID attribute, so a signature cannot reference it");
        }
    }

    private byte[] SignRoot(ReadOnlyMemory<byte> document, DigestedRoot root)
    {
        var signature = SignatureFor(root);

        var bytes = document.Span;
        var tag = RootStartTag.Locate(bytes);
        var name = bytes.Slice(tag.NameStart, tag.NameLength);
        if (!name.SequenceEqual(Encoding.UTF8.GetBytes(root.QualifiedName)))
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"the root start tag of {root.QualifiedName} could not be located in the document's bytes");
        }

        // The output is built in one array of its final size: the document is copied once, never re-serialised.
        var emptyRootTail = tag.IsEmptyElement ? name.Length + 2 : 0;
        var output = new byte[bytes.Length + signature.Length + emptyRootTail];
        var head = tag.IsEmptyElement ? tag.Close - 1 : tag.Close + 1;
        bytes[..head].CopyTo(output);
        var at = head;
        if (tag.IsEmptyElement)
        {
            // <root .../> becomes <root ...><Signature .../></root>.
            output[at++] = (byte)'>';
        }

        signature.CopyTo(output, at);
        at += signature.Length;
        if (tag.IsEmptyElement)
        {
            "</"u8.CopyTo(output.AsSpan(at));
            name.CopyTo(output.AsSpan(at + 2));
            output[at + 2 + name.Length] = (byte)'>';
            at += 3 + name.Length;
        }

        bytes[(tag.Close + 1)..].CopyTo(output.AsSpan(at));
        return output;
    }

    private byte[] SignatureFor(DigestedRoot root)
    {
        var signedInfo = EnvelopedSignatureXml.SignedInfo(method, root.Id, root.Digest);
        var signatureValue = SignatureValue(EnvelopedSignatureXml.CanonicalSignedInfo(signedInfo));
        return Encoding.UTF8.GetBytes(EnvelopedSignatureXml.Signature(signedInfo, signatureValue, certificate));
    }

    private byte[] SignatureValue(byte[] canonicalSignedInfo) => signingKey switch
    {
        RSA rsa when method.KeyFamily == KeyFamily.Rsa => rsa.SignData(canonicalSignedInfo, method.Hash, RSASignaturePadding.Pkcs1),

        // XML Signature's ECDSA value is r||s, the IEEE P1363 form SignData produces by default.
        ECDsa ecdsa when method.KeyFamily == KeyFamily.Ec => ecdsa.SignData(canonicalSignedInfo, method.Hash),
        _ => throw new CryptographicException($"signature method {method} needs an {method.KeyFamily} key, not {signingKey.GetType().Name}"),
    };

    private static MemoryStream AsStream(ReadOnlyMemory<byte> document) =>
        MemoryMarshal.TryGetArray(document, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(document.ToArray(), writable: false);

    private readonly record struct DigestedRoot(string QualifiedName, string Id, byte[] Digest);
}
