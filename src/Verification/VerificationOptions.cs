using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Values;

namespace Fedmd.Verification;

/// <summary>What a document must satisfy to be accepted. Keys come only from here, never from the document.</summary>
public sealed record VerificationOptions
{
    /// <summary>Default longest validity a consumer accepts: 28 days, as SAFIRE's participant guides configure.</summary>
    public static readonly TimeSpan DefaultMaxValidity = TimeSpan.FromDays(28);

    /// <summary>Pinned certificates whose keys may have signed the document (current and next during a rollover).</summary>
    public IReadOnlyList<X509Certificate2> PinnedCertificates { get; init; } = [];

    /// <summary>
    /// Pinned SHA-256 fingerprints, of a certificate or of its SubjectPublicKeyInfo. A certificate in KeyInfo is used
    /// only when it matches one of these.
    /// </summary>
    public IReadOnlyList<CertificateFingerprint> PinnedFingerprints { get; init; } = [];

    /// <summary>Signature methods accepted: by default every row of <see cref="SignatureMethod.All"/>.</summary>
    public IReadOnlySet<SignatureMethod> AllowedSignatureMethods { get; init; } = SignatureMethod.All.ToHashSet();

    /// <summary>The furthest validUntil may lie in the future.</summary>
    public TimeSpan MaxValidity { get; init; } = DefaultMaxValidity;

    /// <summary>Largest document accepted, in bytes.</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The clock, replaceable in tests.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
