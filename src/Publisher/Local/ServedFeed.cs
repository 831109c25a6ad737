using System.Xml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Local;

/// <summary>
/// A feed as the web root serves it now, read back so that a refused feed's previous publication can be carried,
/// byte for byte, into the next complete set. Only a feed still inside its validUntil is carried: an expired one would
/// be rejected by every consumer, so it is withdrawn instead of republished.
/// </summary>
public static class ServedFeed
{
    /// <summary>The feed served as <paramref name="fileName"/> in <paramref name="webRoot"/> with its header facts, or null with the reason it cannot be carried.</summary>
    public static (SignedFeed? Feed, string? NotCarried) Read(string webRoot, string fileName, DateTimeOffset now)
    {
        var path = Path.Combine(webRoot, PublicationFile.RequirePlainName(fileName));
        if (!File.Exists(path))
        {
            return (null, "it has no previous publication");
        }

        var content = File.ReadAllBytes(path);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), new SafeXmlLoader(Math.Max(content.Length, 1)).CreateReaderSettings());
            reader.MoveToContent();
            if (reader.LocalName != "EntitiesDescriptor" || reader.NamespaceURI != SamlNamespaces.Metadata)
            {
                return (null, $"its previous publication {path} is not an md:EntitiesDescriptor");
            }

            var validUntil = XsDateTime.ParseOrNull(reader.GetAttribute("validUntil"));
            var cacheDuration = reader.GetAttribute("cacheDuration");
            if (validUntil is null || cacheDuration is null || !XsDuration.IsValid(cacheDuration))
            {
                return (null, $"its previous publication {path} lacks a validUntil or cacheDuration");
            }

            if (validUntil <= now)
            {
                return (null, $"its previous publication expired at {XsDateTime.Format(validUntil.Value)} and is withdrawn");
            }

            var entities = 0;
            if (reader.ReadToDescendant("EntityDescriptor", SamlNamespaces.Metadata))
            {
                do
                {
                    entities++;
                }
                while (reader.ReadToNextSibling("EntityDescriptor", SamlNamespaces.Metadata));
            }

            return (new SignedFeed(fileName, FileContent.Of(content), validUntil.Value, XsDuration.Parse(cacheDuration), entities), null);
        }
        catch (XmlException e)
        {
            return (null, $"its previous publication {path} does not parse ({e.Message})");
        }
    }
}
