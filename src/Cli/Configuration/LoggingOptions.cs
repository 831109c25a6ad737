namespace Fedmd.Cli.Configuration;

/// <summary>Where logs go.</summary>
internal sealed class LoggingOptions
{
    /// <summary>Directory of the daily rolling log files.</summary>
    public string Directory { get; set; } = "out/logs";

    /// <summary>How many daily files to keep.</summary>
    public int RetainedFileCountLimit { get; set; } = 31;
}
