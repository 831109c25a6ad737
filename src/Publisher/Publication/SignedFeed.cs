using Fedmd.Metadata.Values;

namespace Fedmd.Publisher.Publication;

/// <summary>One signed feed, as the signer returned it after its self-check, with what the publisher needs to list it.</summary>
/// <param name="FileName">The feed's plain file name in the web root, e.g. <c>federation-metadata.xml</c>.</param>
/// <param name="Content">The signed document, byte for byte as it is served: in memory, or the file a pass signed into.</param>
/// <param name="ValidUntil">The document's validUntil.</param>
/// <param name="CacheDuration">The document's cacheDuration, which the web server's Cache-Control follows.</param>
/// <param name="EntityCount">How many entities the feed holds.</param>
public sealed record SignedFeed(string FileName, FileContent Content, DateTimeOffset ValidUntil, XsDuration CacheDuration, int EntityCount)
{
    /// <summary>A signed feed held in memory.</summary>
    public SignedFeed(string fileName, byte[] content, DateTimeOffset validUntil, XsDuration cacheDuration, int entityCount)
        : this(fileName, FileContent.Of(content), validUntil, cacheDuration, entityCount)
    {
    }

    /// <summary>The feed's file name, checked to be plain.</summary>
    public string FileName { get; } = PublicationFile.RequirePlainName(FileName);
}
