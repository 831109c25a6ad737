using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Printing;
using Fedmd.Cli.Scheduling;
using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Fedmd.Publisher.Targets;
using Serilog;

namespace Fedmd.Cli.Commands;

/// <summary><c>fedmd run [--once] [--entities DIR] [--publish-dir DIR] [--allow-drop]</c>: one pass, or the scheduled service.</summary>
internal static class RunCommand
{
    /// <summary>Builds the command; every pass reads <paramref name="clock"/>.</summary>
    public static Command Create(TimeProvider clock)
    {
        var once = new Option<bool>("--once") { Description = "Run one pass and exit, instead of the scheduled service" };
        var entities = new Option<string?>("--entities") { Description = "Registry directory (default: Registry:EntitiesDirectory)" };
        var publishDir = new Option<string?>("--publish-dir") { Description = "Web root to publish into (default: Publish:Directory)" };
        var allowDrop = new Option<bool>("--allow-drop") { Description = "Publish even if a feed lost more entities than GuardRails:MaximumDropPercent allows" };
        var command = new Command("run", "Aggregate, sign and publish: hourly as a service, or one pass with --once");
        command.Options.Add(once);
        command.Options.Add(entities);
        command.Options.Add(publishDir);
        command.Options.Add(allowDrop);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var settings = Settings(options, parseResult.GetValue(entities), parseResult.GetValue(publishDir)) with { AllowDrop = parseResult.GetValue(allowDrop) };
            if (settings.AllowDrop && !parseResult.GetValue(once))
            {
                throw new FedmdException(FailureKind.Configuration, "--allow-drop confirms one pass's drop; use it with --once, never for the scheduled service");
            }

            PublishingComponents.RequireReadyToPublish(options, settings.PublishDirectory, clock);
            foreach (var warning in KeyLifecycleComponents.LifetimeWarnings(options, clock))
            {
                log.Warning("{CertificateLifetime}", warning);
            }

            return parseResult.GetValue(once)
                ? RunOnce(options, settings, clock, log)
                : ScheduledService.Run(options, TypedConfiguration.From(options), settings, clock, log);
        }));
        return command;
    }

    /// <summary>
    /// Runs one pass with the keys the configuration and the rollover state name, prints its summary, and returns the
    /// exit code: 0 published, 1 a feed refused; failures throw (a failed target exits 3).
    /// </summary>
    public static int RunOnce(FedmdOptions options, PassSettings settings, TimeProvider clock, ILogger log)
    {
        var outcome = OncePass.Run(options, TypedConfiguration.From(options), settings, clock, log);
        PassSummary.Print(outcome, Console.Out);
        IncompletePublication.ThrowIfAnyFailed(outcome.Targets);
        if (outcome.Refused.Count > 0)
        {
            Console.Error.WriteLine($"fedmd: {PassSummary.RefusalLine(outcome)}");
            return (int)FailureKind.InvalidDocument;
        }

        return CommandExecution.Success;
    }

    /// <summary>The pass settings after command-line overrides.</summary>
    public static PassSettings Settings(FedmdOptions options, string? entities, string? publishDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PassSettings(
            entities is null ? options.Registry.EntitiesDirectory : Path.GetFullPath(entities),
            publishDir is null ? options.Publish.Directory : Path.GetFullPath(publishDir));
    }
}
