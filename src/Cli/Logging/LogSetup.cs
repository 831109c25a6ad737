using Fedmd.Cli.Configuration;
using Serilog;
using Serilog.Events;

namespace Fedmd.Cli.Logging;

/// <summary>
/// Serilog to standard error (standard output is kept for command results) and, when configured, to a daily rolling
/// file with a retention limit. Nothing secret is ever passed to a logger: PINs are a redacting type and keys stay on
/// the token.
/// </summary>
internal static class LogSetup
{
    private const string ConsoleTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    /// <summary>The console plus <c>Logging:Directory/fedmd-YYYYMMDD.log</c>, rolled daily.</summary>
    public static Serilog.Core.Logger Create(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.Logging.Directory);
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.WithProperty("User", Environment.UserName)
            .Enrich.WithProperty("Host", Environment.MachineName)
            .WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(options.Logging.Directory, "fedmd-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.Logging.RetainedFileCountLimit,
                outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Level:u3} [{User}@{Host}] {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
    }
}
