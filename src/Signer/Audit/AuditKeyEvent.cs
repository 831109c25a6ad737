using System.Text.Json.Serialization;

namespace Fedmd.Signer.Audit;

/// <summary>
/// What an audit line that records a key-lifecycle step (an approval, a rollover step, a compromise) adds to the
/// common fields. Holds no secret.
/// </summary>
/// <param name="Operation">What was done, e.g. <c>rollover-saml-stage</c>.</param>
/// <param name="Subject">What it was done to: an entityID, a feed or a key name.</param>
/// <param name="Principals">The operators (allowed_signers principals) who did or approved it.</param>
/// <param name="Detail">A short account: certificates by fingerprint, change ids, times.</param>
public sealed record AuditKeyEvent(
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("principals")] IReadOnlyList<string> Principals,
    [property: JsonPropertyName("detail")] string Detail);
