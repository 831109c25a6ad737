using System.Globalization;
using Fedmd.Pass.State;

namespace Fedmd.Pass.Monitoring;

/// <summary>
/// How the last pass ended. A failed pass is a warning: the previous publication stays and the feed checks turn
/// critical as it ages, so one failed hour does not wake anyone.
/// </summary>
public sealed class LastPassCheck(IPassRecordStore store) : IStatusCheck
{
    /// <inheritdoc />
    public Task<StatusLine> CheckAsync(CancellationToken cancellationToken)
    {
        var record = store.ReadRecord();
        if (record is null)
        {
            return Task.FromResult(new StatusLine("last-pass", "last-pass", StatusLevel.Unknown, "no pass recorded yet (run fedmd run --once, or start the service)"));
        }

        var details = new Dictionary<string, string>
        {
            ["startedAt"] = Instant(record.StartedAt),
            ["finishedAt"] = Instant(record.FinishedAt),
            ["exitCode"] = record.ExitCode.ToString(CultureInfo.InvariantCulture),
        };
        if (record.LastSuccessAt is { } success)
        {
            details["lastSuccessAt"] = Instant(success);
        }

        var values = new[] { new StatusValue("last_pass_seconds", Math.Round((record.FinishedAt - record.StartedAt).TotalSeconds, 1), "s") };
        var line = record.Succeeded
            ? new StatusLine("last-pass", "last-pass", StatusLevel.Ok, $"the pass of {record.StartedAt:u} published")
            : new StatusLine("last-pass", "last-pass", StatusLevel.Warning,
                $"the pass of {record.StartedAt:u} failed (exit {record.ExitCode}): {record.Failure}; last success {(record.LastSuccessAt is { } at ? at.ToString("u", CultureInfo.InvariantCulture) : "never")}");
        return Task.FromResult(line with { Values = values, Details = details });
    }

    private static string Instant(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
