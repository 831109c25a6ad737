using System.Xml;

namespace Fedmd.Signer.Signing;

/// <summary>A document to sign, with what the audit trail and the guards need to know about it.</summary>
/// <param name="FeedName">The feed the document is published as, e.g. <c>federation-metadata</c>.</param>
/// <param name="Document">The unsigned document; its root must carry an NCName <c>ID</c>.</param>
/// <param name="EntityCount">How many entities the document holds.</param>
/// <param name="ValidUntil">The document's validUntil, when it has one.</param>
public sealed record SigningRequest(string FeedName, XmlDocument Document, int EntityCount, DateTimeOffset? ValidUntil);
