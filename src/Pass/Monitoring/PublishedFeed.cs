using System.Xml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Pass.Monitoring;

/// <summary>What a verified published feed says about itself: when it was made, until when it holds, how many entities.</summary>
/// <param name="ValidUntil">The root's validUntil.</param>
/// <param name="CreationInstant">The <c>mdrpi:PublicationInfo</c> creationInstant, when present.</param>
/// <param name="EntityCount">The root's <c>md:EntityDescriptor</c> children.</param>
internal sealed record PublishedFeed(DateTimeOffset ValidUntil, DateTimeOffset? CreationInstant, int EntityCount)
{
    /// <summary>Reads the facts of a document the strict verifier accepted with <paramref name="validUntil"/>.</summary>
    public static PublishedFeed Read(ReadOnlyMemory<byte> verified, DateTimeOffset validUntil)
    {
        var root = new SafeXmlLoader(Math.Max(verified.Length, 1)).Load(verified).DocumentElement!;
        var entities = root.LocalName == "EntityDescriptor"
            ? 1
            : root.ChildNodes.OfType<XmlElement>().Count(e => e.NamespaceURI == SamlNamespaces.Metadata && e.LocalName == "EntityDescriptor");
        var publication = root.ChildNodes.OfType<XmlElement>()
            .Where(e => e.NamespaceURI == SamlNamespaces.Metadata && e.LocalName == "Extensions")
            .SelectMany(e => e.ChildNodes.OfType<XmlElement>())
            .FirstOrDefault(e => e.NamespaceURI == SamlNamespaces.Rpi && e.LocalName == "PublicationInfo");
        return new PublishedFeed(validUntil, XsDateTime.ParseOrNull(publication?.GetAttribute("creationInstant")), entities);
    }
}
