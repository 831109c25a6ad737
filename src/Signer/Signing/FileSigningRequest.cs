namespace Fedmd.Signer.Signing;

/// <summary>A document to sign that is read from a file, so that a streaming signer need not hold it in memory.</summary>
/// <param name="FeedName">The feed the document is published as, e.g. <c>federation-metadata</c>.</param>
/// <param name="DocumentPath">The unsigned document; it must not change while it is signed.</param>
/// <param name="EntityCount">How many entities the document holds.</param>
/// <param name="ValidUntil">The document's validUntil, when it has one.</param>
public sealed record FileSigningRequest(string FeedName, string DocumentPath, int EntityCount, DateTimeOffset? ValidUntil)
{
    /// <summary>The same request with the document read into memory, for a signer that cannot stream.</summary>
    public SigningRequest InMemory() => new(FeedName, File.ReadAllBytes(DocumentPath), EntityCount, ValidUntil);
}
