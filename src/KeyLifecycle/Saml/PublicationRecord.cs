using System.Xml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Publisher.History;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// What the web root's history shows was actually published for an entity: every recorded publication's feeds,
/// read as served (streamed with the safe loader's settings, so an aggregate of any size costs little memory).
/// </summary>
/// <param name="webRoot">The web root (<c>Publish:Directory</c>).</param>
public sealed class PublicationRecord(string webRoot)
{
    private const long MaxFeedBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The recorded publications, newest first, as they carried <paramref name="entityId"/>.</summary>
    public IReadOnlyList<PublishedVersion> Of(string entityId)
    {
        var versions = new List<PublishedVersion>();
        foreach (var directory in PublishedVersions.Of(webRoot))
        {
            DateTimeOffset? publishedAt = null;
            var carrying = new List<PublishedEntity>();
            foreach (var feed in Directory.EnumerateFiles(directory, "*.xml").Order(StringComparer.Ordinal))
            {
                var (created, entity) = Read(feed, entityId);
                publishedAt ??= created;
                if (entity is not null)
                {
                    carrying.Add(entity);
                }
            }

            if (publishedAt is { } at)
            {
                versions.Add(new PublishedVersion(at, directory, carrying));
            }
        }

        return versions.OrderByDescending(v => v.PublishedAt).ToList();
    }

    private static (DateTimeOffset? Created, PublishedEntity? Entity) Read(string feed, string entityId)
    {
        DateTimeOffset? created = null;
        TimeSpan? cacheDuration = null;
        try
        {
            using var reader = XmlReader.Create(feed, new SafeXmlLoader(MaxFeedBytes).CreateReaderSettings());
            // Skip moves the reader onto the next node itself, which the next Read must not step over.
            var advanced = false;
            while (advanced || reader.Read())
            {
                advanced = false;
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Depth == 0)
                {
                    if (reader is not { LocalName: "EntitiesDescriptor", NamespaceURI: SamlNamespaces.Metadata })
                    {
                        return (null, null);
                    }

                    cacheDuration = XsDuration.IsValid(reader.GetAttribute("cacheDuration")) ? XsDuration.Parse(reader.GetAttribute("cacheDuration")!).Value : null;
                }
                else if (reader is { LocalName: "PublicationInfo", NamespaceURI: SamlNamespaces.Rpi } && created is null)
                {
                    created = XsDateTime.ParseOrNull(reader.GetAttribute("creationInstant"));
                }
                else if (reader is { LocalName: "EntityDescriptor", NamespaceURI: SamlNamespaces.Metadata })
                {
                    if (reader.GetAttribute("entityID") == entityId)
                    {
                        return (created, new PublishedEntity(Path.GetFileName(feed), cacheDuration, CertificatesIn(reader)));
                    }

                    reader.Skip();
                    advanced = true;
                }
            }
        }
        catch (XmlException)
        {
            // Not a feed this pass wrote (an operator's file beside them); it carries nothing.
            return (null, null);
        }

        return (created, null);
    }

    private static HashSet<CertificateFingerprint> CertificatesIn(XmlReader reader)
    {
        var fingerprints = new HashSet<CertificateFingerprint>();
        using var entity = reader.ReadSubtree();
        var inKeyDescriptor = 0;
        var advanced = false;
        while (advanced || entity.Read())
        {
            advanced = false;
            if (entity is { NodeType: XmlNodeType.Element, LocalName: "KeyDescriptor", NamespaceURI: SamlNamespaces.Metadata } && !entity.IsEmptyElement)
            {
                inKeyDescriptor++;
            }
            else if (entity is { NodeType: XmlNodeType.EndElement, LocalName: "KeyDescriptor", NamespaceURI: SamlNamespaces.Metadata })
            {
                inKeyDescriptor--;
            }
            else if (inKeyDescriptor > 0 && entity is { NodeType: XmlNodeType.Element, LocalName: "X509Certificate", NamespaceURI: SamlNamespaces.DSig })
            {
                var text = new string(entity.ReadElementContentAsString().Where(c => !char.IsWhiteSpace(c)).ToArray());
                advanced = true;
                try
                {
                    fingerprints.Add(CertificateFingerprint.OfBytes(Convert.FromBase64String(text), FingerprintAlgorithm.Sha256));
                }
                catch (FormatException)
                {
                    // Not base64: no certificate a relying party could use either.
                }
            }
        }

        return fingerprints;
    }
}
