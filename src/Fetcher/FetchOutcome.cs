using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;

namespace Fedmd.Fetcher;

/// <summary>The result of one fetch, as <c>fedmd fetch --json</c> reports it.</summary>
/// <param name="Url">The URL fetched.</param>
/// <param name="HttpStatus">The final HTTP status, when a response arrived.</param>
/// <param name="Action">What happened to the kept file.</param>
/// <param name="Verified">Whether the document now kept verified in this fetch.</param>
/// <param name="ValidUntil">validUntil of the document now kept, when known.</param>
/// <param name="Signer">SHA-256 fingerprint of the pinned certificate that verified it.</param>
/// <param name="Bytes">Bytes received in the response body.</param>
/// <param name="Failure">Why the fetch failed; null on success.</param>
/// <param name="FailureKind">Document (exit 1) or network (exit 3) failure; null on success.</param>
/// <param name="Warning">A warning about the kept file, e.g. that it expires soon.</param>
/// <param name="KeptDocument">
/// The bytes of the document now kept, verified during this fetch (new, not modified, or the last good copy after a
/// failure); null when nothing usable is kept. Consumers use these bytes rather than re-reading the file.
/// </param>
public sealed record FetchOutcome(
    Uri Url,
    int? HttpStatus,
    FetchAction Action,
    bool Verified,
    DateTimeOffset? ValidUntil,
    CertificateFingerprint? Signer,
    long Bytes,
    string? Failure,
    FailureKind? FailureKind,
    string? Warning,
    byte[]? KeptDocument = null)
{
    /// <summary>Whether the fetch succeeded (updated or not modified).</summary>
    public bool Succeeded => Failure is null;
}
