using System.Security.Cryptography;
using System.Xml;
using Fedmd.Metadata.Xml;

namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// The Reference digest of the metadata profile computed by streaming: the root element, enveloped signature
/// removed, exclusive c14n without comments, hashed as it is read. Equal to what <c>SignedXml</c> computes with
/// <c>XmlDsigEnvelopedSignatureTransform</c> and <c>XmlDsigExcC14NTransform</c>, without building a DOM: by the
/// byte-level <see cref="Utf8CanonicalScanner"/> when the document is in its subset, else through an XmlReader.
/// </summary>
internal static class CanonicalDigest
{
    /// <summary>Digests the root element of the document in <paramref name="document"/>, parsed safely.</summary>
    /// <param name="document">The serialised document; read to its end, not closed.</param>
    /// <param name="hash">The hash of the signature method's DigestMethod.</param>
    /// <param name="maxBytes">The most characters the parser reads.</param>
    /// <exception cref="XmlException">The document is not well-formed or declares a DTD.</exception>
    public static byte[] OfRoot(Stream document, HashAlgorithmName hash, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.CanSeek)
        {
            var start = document.Position;
            using var fast = IncrementalHash.CreateHash(hash);
            using var fastSink = new HashingStream(fast);
            if (Utf8CanonicalScanner.TryScan(document, maxBytes, fastSink, omitEnvelopedSignature: true) is not null)
            {
                return fast.GetHashAndReset();
            }

            // Outside the fast path's subset: the reader path gives the same digest or the parser's refusal.
            document.Position = start;
        }

        using var incremental = IncrementalHash.CreateHash(hash);
        using var hashing = new HashingStream(incremental);
        using var reader = XmlReader.Create(document, new SafeXmlLoader(maxBytes).CreateReaderSettings());
        reader.MoveToContent();
        new ExclusiveCanonicalWriter(hashing).WriteSubtree(reader, omitEnvelopedSignature: true);
        while (reader.Read())
        {
            // Reading to the end is what makes a malformed tail a failure rather than a silently ignored suffix.
        }

        return incremental.GetHashAndReset();
    }
}
