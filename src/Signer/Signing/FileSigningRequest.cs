namespace Fedmd.Signer.Signing;

/// <summary>A document to sign that is read from a file, so that a streaming signer need not hold it in memory.</summary>
/// <param name="FeedName">The feed the document is published as, e.g. <c>federation-metadata</c>.</param>
/// <param name="DocumentPath">The unsigned document; it must not change while it is signed.</param>
/// <param name="ValidUntil">The document's validUntil, when it has one.</param>
public sealed record FileSigningRequest(string FeedName, string DocumentPath, DateTimeOffset? ValidUntil)
{
    /// <summary>The same request with the document read into memory (and its entities counted), for a signer that cannot stream.</summary>
    public SigningRequest InMemory()
    {
        var document = File.ReadAllBytes(DocumentPath);
        return new(FeedName, document, DocumentEntities.Count(document), ValidUntil);
    }
}
