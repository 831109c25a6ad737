namespace Fedmd.Cli.Configuration;

/// <summary>
/// When <c>fedmd status</c> warns and when it is critical (<c>Monitoring</c>), and where participants fetch from each
/// mirror. The defaults suit hourly passes and a ValidFor of about ten days.
/// </summary>
internal sealed class MonitoringOptions
{
    /// <summary>Warn when a published feed's validUntil is closer than this ISO 8601 duration (default P3D).</summary>
    public string ValidUntilWarning { get; set; } = "P3D";

    /// <summary>Critical when it is closer than this (default P1D).</summary>
    public string ValidUntilCritical { get; set; } = "P1D";

    /// <summary>Warn when a published feed is older than this (default PT3H: three hourly passes missed).</summary>
    public string PublicationAgeWarning { get; set; } = "PT3H";

    /// <summary>Critical when it is older than this (default PT12H).</summary>
    public string PublicationAgeCritical { get; set; } = "PT12H";

    /// <summary>Warn when the signing certificate expires within this many days (default 60).</summary>
    public int CertificateWarningDays { get; set; } = 60;

    /// <summary>Critical when it expires within this many days (default 21, a week before the signer's default refusal).</summary>
    public int CertificateCriticalDays { get; set; } = 21;

    /// <summary>
    /// The public base URL participants fetch each mirror's feeds from, by mirror name (<c>Publish:Mirrors[].Name</c>);
    /// the upload URL is not where participants read. A mirror without one is reported UNKNOWN.
    /// </summary>
    public Dictionary<string, string> MirrorUrls { get; set; } = [];
}
