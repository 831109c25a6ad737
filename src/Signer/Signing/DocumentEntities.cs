using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Counts the entities of a document held in memory, for the signers that cannot count while they stream: an
/// md:EntityDescriptor root is one entity, an md:EntitiesDescriptor holds as many as it nests.
/// </summary>
internal static class DocumentEntities
{
    /// <summary>The entity count of <paramref name="document"/>, byte-level for UTF-8 metadata, through an XmlReader otherwise.</summary>
    /// <exception cref="FedmdException">The document is not safe, well-formed XML.</exception>
    public static int Count(ReadOnlyMemory<byte> document)
    {
        using (var fast = new MemoryStream(document.ToArray(), writable: false))
        {
            if (Utf8CanonicalScanner.TryScan(fast, Math.Max(document.Length, 1), output: null, omitEnvelopedSignature: false) is { } outline)
            {
                return Of(outline);
            }
        }

        try
        {
            using var input = new MemoryStream(document.ToArray(), writable: false);
            using var reader = XmlReader.Create(input, new SafeXmlLoader(Math.Max(document.Length, 1)).CreateReaderSettings());
            reader.MoveToContent();
            if (reader.LocalName == "EntityDescriptor" && reader.NamespaceURI == SamlNamespaces.Metadata)
            {
                return 1;
            }

            var entities = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "EntityDescriptor" && reader.NamespaceURI == SamlNamespaces.Metadata)
                {
                    entities++;
                }
            }

            return entities;
        }
        catch (XmlException e)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"the document to sign is not safe, well-formed XML: {e.Message}", e);
        }
    }

    /// <summary>The entity count a scan of the whole document found.</summary>
    public static int Of(Utf8ScanOutline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return outline.RootLocalName == "EntityDescriptor" && outline.RootNamespace == SamlNamespaces.Metadata ? 1 : outline.EntityDescriptorCount;
    }
}
