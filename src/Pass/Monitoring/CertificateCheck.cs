using System.Globalization;

namespace Fedmd.Pass.Monitoring;

/// <summary>The signing certificate's days left; the signer itself refuses at <c>Signing:CertificateRefuseBefore</c>.</summary>
public sealed class CertificateCheck(string certificateFile, DateTimeOffset notAfter, MonitoringThresholds thresholds, TimeProvider clock) : IStatusCheck
{
    /// <inheritdoc />
    public Task<StatusLine> CheckAsync(CancellationToken cancellationToken)
    {
        var days = (notAfter - clock.GetUtcNow()).TotalDays;
        var level = MonitoringThresholds.Below(days, thresholds.CertificateWarningDays, thresholds.CertificateCriticalDays);
        var advice = level == StatusLevel.Ok ? string.Empty : "; roll the key over (docs/signer.md)";
        return Task.FromResult(new StatusLine("certificate", "certificate", level,
            string.Create(CultureInfo.InvariantCulture, $"{certificateFile} expires {notAfter:u}, in {days:0.#} days{advice}"))
        {
            Values = [new StatusValue("certificate_days_left", Math.Round(days, 1), string.Empty, thresholds.CertificateWarningDays, thresholds.CertificateCriticalDays, AlertsBelow: true)],
            Details = new Dictionary<string, string> { ["notAfter"] = notAfter.ToString("O", CultureInfo.InvariantCulture) },
        });
    }
}
