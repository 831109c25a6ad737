namespace Fedmd.Publisher.Fingerprints;

/// <summary>One published feed as the fingerprint page lists it.</summary>
/// <param name="FileName">The feed's file name in the web root.</param>
/// <param name="Url">Where participants fetch it: the public base URL and the file name, or the file name alone.</param>
/// <param name="ValidUntil">The published document's validUntil.</param>
/// <param name="CacheDuration">The published document's cacheDuration (xs:duration).</param>
/// <param name="EntityCount">How many entities it holds.</param>
/// <param name="Certificate">The certificate whose key signed it.</param>
public sealed record FeedListing(string FileName, string Url, DateTimeOffset ValidUntil, string CacheDuration, int EntityCount, SigningCertificateInfo Certificate)
{
    /// <summary>Set when this pass refused the feed and its previous publication is served instead; null for a fresh feed.</summary>
    public FeedStaleness? Stale { get; init; }

    /// <summary>
    /// The PEM file beside the feeds that holds <see cref="Certificate"/>: <c>metadata-signer.crt</c>, or
    /// <c>metadata-signer-next.crt</c> for a feed signed by the announced next key.
    /// </summary>
    public string CertificateFileName { get; init; } = FingerprintFacts.CertificateFileName;

    /// <summary>Whether this is the copy of a feed signed by the announced next key, at its versioned name.</summary>
    public bool SignedByNextKey => CertificateFileName == FingerprintFacts.NextCertificateFileName;
}
