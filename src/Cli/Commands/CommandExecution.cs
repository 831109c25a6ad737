using System.CommandLine;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Logging;
using Fedmd.Metadata.Failures;
using Serilog;

namespace Fedmd.Cli.Commands;

/// <summary>
/// Runs a command body and turns failures into the documented exit codes: 0 success, 1 invalid input or document,
/// 2 usage or configuration error, 3 infrastructure failure. Each failure is one line on standard error.
/// </summary>
internal static class CommandExecution
{
    /// <summary>Exit code of success.</summary>
    public const int Success = 0;

    /// <summary>Runs <paramref name="body"/>, mapping failures to exit codes.</summary>
    public static int Run(Func<int> body, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (FedmdException e)
        {
            log?.Error("{Failure}", e.Message);
            Console.Error.WriteLine($"fedmd: {e.Message}");
            return (int)e.Kind;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log?.Error("{Failure}", e.Message);
            Console.Error.WriteLine($"fedmd: {e.Message}");
            return (int)FailureKind.Infrastructure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever was not foreseen still ends as one line and an infrastructure exit code, never a stack trace;
            // the full exception goes to the log file only. PINs never reach exceptions, so this prints none.
            log?.Error(e, "Unexpected failure");
            Console.Error.WriteLine($"fedmd: unexpected failure ({e.GetType().Name}): {e.Message}");
            return (int)FailureKind.Infrastructure;
        }
    }

    /// <summary>Loads the configuration named by <c>--config</c>, opens the log, and runs <paramref name="body"/>.</summary>
    public static int WithConfiguration(ParseResult parseResult, Func<FedmdOptions, ILogger, int> body)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(body);
        FedmdOptions? options = null;
        var loaded = Run(() =>
        {
            options = ConfigurationLoader.Load(parseResult.GetValue(SharedOptions.Config));
            return Success;
        });
        if (loaded != Success)
        {
            return loaded;
        }

        using var log = LogSetup.Create(options!);
        return Run(() => body(options!, log), log);
    }
}
