using System.Text.Json.Serialization;

namespace Fedmd.Signer.Audit;

/// <summary>
/// One line of the audit log: a signing, or (with <see cref="KeyEvent"/>) a key-lifecycle step, whose signing fields
/// are then empty. Holds no secret: the key URI never carries a PIN.
/// </summary>
/// <param name="Sequence">Position in the log, from 1.</param>
/// <param name="Time">When the document was signed (UTC).</param>
/// <param name="Feed">The feed signed, e.g. <c>federation-metadata</c>.</param>
/// <param name="DocumentSha256">SHA-256 (hex) of the signed document's bytes as published.</param>
/// <param name="KeyUri">The key's PKCS#11 URI.</param>
/// <param name="CertificateSha256">SHA-256 fingerprint of the signing certificate.</param>
/// <param name="EntityCount">How many entities the document holds.</param>
/// <param name="ValidUntil">The document's validUntil, when it has one.</param>
/// <param name="Host">The machine that signed.</param>
/// <param name="User">The operating-system user that signed.</param>
/// <param name="Previous">Hash of the previous line (64 zeros for the first line), chaining the log.</param>
/// <param name="KeyEvent">The key-lifecycle step this line records; null (and not written) on a signing line.</param>
public sealed record AuditEntry(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("feed")] string Feed,
    [property: JsonPropertyName("documentSha256")] string DocumentSha256,
    [property: JsonPropertyName("keyUri")] string KeyUri,
    [property: JsonPropertyName("certificateSha256")] string CertificateSha256,
    [property: JsonPropertyName("entityCount")] int EntityCount,
    [property: JsonPropertyName("validUntil")] DateTimeOffset? ValidUntil,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("previous")] string Previous,
    [property: JsonPropertyName("keyEvent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AuditKeyEvent? KeyEvent = null)
{
    /// <summary>A line recording <paramref name="keyEvent"/>, with the signing fields empty.</summary>
    public static AuditEntry ForKeyEvent(long sequence, DateTimeOffset time, AuditKeyEvent keyEvent, string host, string user, string previous) =>
        new(sequence, time, string.Empty, string.Empty, string.Empty, string.Empty, 0, null, host, user, previous, keyEvent);
}
