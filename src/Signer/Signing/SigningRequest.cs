namespace Fedmd.Signer.Signing;

/// <summary>A document to sign, with what the audit trail and the guards need to know about it.</summary>
/// <param name="FeedName">The feed the document is published as, e.g. <c>federation-metadata</c>.</param>
/// <param name="Document">
/// The unsigned document as serialised: its root must carry an NCName <c>ID</c>. It is signed without being parsed
/// into a DOM, and the output keeps its bytes as they are.
/// </param>
/// <param name="EntityCount">How many entities the document holds.</param>
/// <param name="ValidUntil">The document's validUntil, when it has one.</param>
public sealed record SigningRequest(string FeedName, ReadOnlyMemory<byte> Document, int EntityCount, DateTimeOffset? ValidUntil);
