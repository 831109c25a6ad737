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
    /// Two reads of the file and nothing held: the first digests the root (byte-level), the second copies the file to
    /// <paramref name="output"/> with the signature spliced in after the root's start tag. A document outside the
    /// fast path's subset is signed in memory.
    /// </remarks>
    public void SignFile(FileSigningRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        using var input = new FileStream(request.DocumentPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
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
            output.Write(Sign(request.InMemory()));
            return;
        }

        var root = Digested(outline.RootQualifiedName, outline.RootId, outline.SignatureCount, digest);
        RequireNCNameId(root.Id);
        var signature = SignatureFor(root);
        input.Position = 0;
        var (head, tag) = ReadThroughRootStartTag(input, root.QualifiedName);
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
