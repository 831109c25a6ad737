using Fedmd.Metadata.Values;

namespace Fedmd.Verification;

/// <summary>The verifier's verdict: accepted with what was signed, or refused with the reason.</summary>
public sealed record VerificationResult
{
    private VerificationResult(bool isValid, string? failure, CertificateFingerprint? signer, DateTimeOffset? validUntil, byte[]? signedContent)
    {
        IsValid = isValid;
        Failure = failure;
        Signer = signer;
        ValidUntil = validUntil;
        SignedContent = signedContent;
    }

    /// <summary>Whether the document is accepted.</summary>
    public bool IsValid { get; }

    /// <summary>Why the document was refused; null when accepted.</summary>
    public string? Failure { get; }

    /// <summary>SHA-256 fingerprint of the pinned certificate whose key verified the signature.</summary>
    public CertificateFingerprint? Signer { get; }

    /// <summary>The document's validUntil.</summary>
    public DateTimeOffset? ValidUntil { get; }

    /// <summary>
    /// Exactly what was signed: the root, signature removed, exclusive canonical form without comments. Null when it
    /// was written to a stream during verification instead.
    /// </summary>
    public byte[]? SignedContent { get; }

    /// <summary>An accepted document.</summary>
    public static VerificationResult Accepted(CertificateFingerprint signer, DateTimeOffset validUntil, byte[]? signedContent) =>
        new(true, null, signer, validUntil, signedContent);

    /// <summary>This accepted result, carrying what was signed.</summary>
    public VerificationResult WithSignedContent(byte[] signedContent) => new(IsValid, Failure, Signer, ValidUntil, signedContent);

    /// <summary>A refused document.</summary>
    public static VerificationResult Refused(string reason) => new(false, reason, null, null, null);
}
