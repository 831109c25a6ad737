namespace Fedmd.Cli.Configuration;

/// <summary>When the service runs.</summary>
internal sealed class ScheduleOptions
{
    /// <summary>Quartz cron expression; hourly on the hour by default.</summary>
    public string Cron { get; set; } = "0 0 * * * ?";

    /// <summary>Time zone of the cron expression.</summary>
    public string TimeZone { get; set; } = "UTC";
}
