using Fedmd.Publisher.Fingerprints;

namespace Fedmd.Pass.Steps;

/// <summary>What the fingerprint pages say beside the feeds, as configured.</summary>
/// <param name="WebRoot">The web root, for the written paths the pass reports.</param>
/// <param name="FederationName">The federation's display name.</param>
/// <param name="BaseUrl">Where the feeds are served, or null to list bare file names.</param>
/// <param name="Rollover">The announced next key, when one is.</param>
/// <param name="ConsumerMaxValidity">The longest validUntil window participants' verifiers accept.</param>
public sealed record FingerprintPageSettings(string WebRoot, string FederationName, Uri? BaseUrl, KeyRollover? Rollover, TimeSpan ConsumerMaxValidity)
{
    /// <summary>The key signing switched away from, shown as "previous" until the rollover is finished; null otherwise.</summary>
    public PreviousSigningKey? Previous { get; init; }

    /// <summary>The URL a feed is served at, or its file name without a base URL.</summary>
    public string FeedUrl(string fileName) => BaseUrl is null ? fileName : new Uri(BaseUrl, fileName).AbsoluteUri;
}
