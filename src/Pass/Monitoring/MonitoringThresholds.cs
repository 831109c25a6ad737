namespace Fedmd.Pass.Monitoring;

/// <summary>When a check warns and when it is critical (<c>Monitoring:*</c>).</summary>
/// <param name="ValidUntilWarning">Warn when a published feed's validUntil is closer than this.</param>
/// <param name="ValidUntilCritical">Critical when it is closer than this.</param>
/// <param name="PublicationAgeWarning">Warn when a published feed is older than this (its creationInstant).</param>
/// <param name="PublicationAgeCritical">Critical when it is older than this.</param>
/// <param name="CertificateWarningDays">Warn when the signing certificate expires within this many days.</param>
/// <param name="CertificateCriticalDays">Critical when it expires within this many days.</param>
public sealed record MonitoringThresholds(
    TimeSpan ValidUntilWarning,
    TimeSpan ValidUntilCritical,
    TimeSpan PublicationAgeWarning,
    TimeSpan PublicationAgeCritical,
    int CertificateWarningDays,
    int CertificateCriticalDays)
{
    /// <summary>The level of a remaining time: less than the critical threshold is critical.</summary>
    public static StatusLevel Below(double value, double warning, double critical) =>
        value < critical ? StatusLevel.Critical : value < warning ? StatusLevel.Warning : StatusLevel.Ok;

    /// <summary>The level of an age: more than the critical threshold is critical.</summary>
    public static StatusLevel Above(double value, double warning, double critical) =>
        value > critical ? StatusLevel.Critical : value > warning ? StatusLevel.Warning : StatusLevel.Ok;
}
