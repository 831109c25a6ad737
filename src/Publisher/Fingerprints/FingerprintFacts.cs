namespace Fedmd.Publisher.Fingerprints;

/// <summary>Everything the fingerprint page, text and JSON state; the three are renderings of the same facts.</summary>
/// <param name="FederationName">The federation's display name.</param>
/// <param name="Feeds">Every published feed with the certificate that signed it.</param>
/// <param name="Rollover">The announced next key, when a rollover is announced.</param>
/// <param name="MaxValidity">The longest validUntil window consumers should accept (their RequireValidUntil filter).</param>
/// <param name="Generated">When the facts were gathered.</param>
public sealed record FingerprintFacts(
    string FederationName,
    IReadOnlyList<FeedListing> Feeds,
    KeyRollover? Rollover,
    TimeSpan MaxValidity,
    DateTimeOffset Generated)
{
    /// <summary>The key signing switched away from, shown until the rollover is finished; null otherwise.</summary>
    public PreviousSigningKey? Previous { get; init; }

    /// <summary>File name of the current signing certificate (PEM) beside the feeds.</summary>
    public const string CertificateFileName = "metadata-signer.crt";

    /// <summary>File name of the next signing certificate (PEM), published while a rollover is announced.</summary>
    public const string NextCertificateFileName = "metadata-signer-next.crt";

    /// <summary>File name of the previous signing certificate (PEM), published after a switch until the rollover is finished.</summary>
    public const string PreviousCertificateFileName = "metadata-signer-previous.crt";

    /// <summary>File name of the security advisory page the fingerprint page links to.</summary>
    public const string AdvisoryFileName = "advisory.html";

    /// <summary>File name of the fingerprint page.</summary>
    public const string HtmlFileName = "fingerprint.html";

    /// <summary>File name of the fingerprint page's plain-text form.</summary>
    public const string TextFileName = "fingerprint.txt";

    /// <summary>File name of the fingerprint page's JSON form.</summary>
    public const string JsonFileName = "fingerprint.json";

    /// <summary>
    /// Every certificate a consumer should trust now, with the file each is published as: the current one, and the
    /// next one during an announcement or the previous one after a switch, so that one configuration keeps verifying
    /// across the switch.
    /// </summary>
    public IReadOnlyList<(string FileName, SigningCertificateInfo Certificate)> TrustedCertificates()
    {
        var trusted = new List<(string, SigningCertificateInfo)>();
        if (Feeds.FirstOrDefault(f => !f.SignedByNextKey) is { } current)
        {
            trusted.Add((CertificateFileName, current.Certificate));
        }

        if (Rollover is { } rollover)
        {
            trusted.Add((NextCertificateFileName, rollover.Next));
        }

        if (Previous is { } previous)
        {
            trusted.Add((PreviousCertificateFileName, previous.Certificate));
        }

        return trusted;
    }
}
