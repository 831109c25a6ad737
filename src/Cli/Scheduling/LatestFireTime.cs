using Quartz;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// The scheduled fire time a pass starting now runs for: the latest one at or before now. Every node computes the
/// same time for the same fire (and for a catch-up at start, the fire that was missed), so it is what they claim.
/// </summary>
internal static class LatestFireTime
{
    // Widening windows: a cron every few seconds is found in the first, a yearly one in the last.
    private static readonly TimeSpan[] Windows =
        [TimeSpan.FromMinutes(2), TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(64), TimeSpan.FromDays(800), TimeSpan.FromDays(4000)];

    /// <summary>The latest fire of <paramref name="cron"/> at or before <paramref name="now"/>, or <paramref name="now"/> when it never fired.</summary>
    public static DateTimeOffset AtOrBefore(string cron, TimeZoneInfo timeZone, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, timeZone);
        foreach (var window in Windows)
        {
            var found = expression.GetNextValidTimeAfter(now - window - TimeSpan.FromSeconds(1));
            if (found is null || found.Value > now)
            {
                continue;
            }

            var latest = found.Value;
            while (expression.GetNextValidTimeAfter(latest) is { } next && next <= now)
            {
                latest = next;
            }

            return latest;
        }

        return now;
    }
}
