namespace Fedmd.Cli.Configuration;

/// <summary>
/// One remote aggregate (<c>Sources</c>), e.g. eduGAIN, that feeds may import. It is fetched once per pass when a feed
/// names it, verified strictly against its pins, and its last good copy is kept in the state directory.
/// </summary>
internal sealed class SourceOptions
{
    /// <summary>A short name: feeds reference it, reports show it, and the last good copy is <c>sources/NAME.xml</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The aggregate's URL; https unless <see cref="AllowHttp"/>.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Pinned PEM certificates of the source's signing key (current and next during a rollover).</summary>
    public List<string> CertificateFiles { get; set; } = [];

    /// <summary>Pinned SHA-256 fingerprints (<c>SHA256:HEX</c>) of the signing certificate or its public key.</summary>
    public List<string> Fingerprints { get; set; } = [];

    /// <summary>Fetch over plain http; the signature still protects the content.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Longest accepted validUntil window (xs:duration).</summary>
    public string MaxValidity { get; set; } = "P28D";

    /// <summary>Largest accepted document, in bytes.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Time allowed for one fetch, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Which of the source's entities are imported.</summary>
    public SourceFilterOptions Filters { get; set; } = new();

    /// <summary>
    /// Changes to the import profile for this source, by rule id: <c>{ "key.strength": "error" }</c> tightens,
    /// <c>{ "contact.technical": "off" }</c> loosens. Severities are <c>error</c>, <c>warning</c> and <c>off</c>.
    /// </summary>
    public Dictionary<string, string> Rules { get; set; } = [];

    /// <summary>Resolves the certificate paths against the configuration file's directory.</summary>
    public void ResolvePaths(Func<string, string> full)
    {
        ArgumentNullException.ThrowIfNull(full);
        CertificateFiles = CertificateFiles.Select(full).ToList();
    }
}
