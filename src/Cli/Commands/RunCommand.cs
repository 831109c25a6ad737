using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Logging;
using Fedmd.Cli.Printing;
using Fedmd.Cli.Scheduling;
using Fedmd.Cluster.Database;
using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Fedmd.Publisher.Targets;

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
            var typed = TypedConfiguration.From(options);
            if (!parseResult.GetValue(once))
            {
                return ScheduledService.Run(options, typed, settings, clock, log);
            }

            using var cluster = ClusterComponents.Open(options);
            var startedAt = clock.GetUtcNow();
            // A pass by hand claims its own start as its fire time: it never takes a scheduled one from the service.
            var state = StateComponents.ForPass(options, cluster, () => startedAt);
            var recorder = new PassRecorder(state.Records, clock);
            PassOutcome outcome;
            try
            {
                // Opening the token is part of the pass: a refused or latched PIN is a failed pass for monitoring.
                using var signing = SigningComponents.Open(options, typed, state.Files, clock, log);
                using var pass = PassComponents.Create(options, typed, settings, state, new MetadataFeedSigner(signing.Signer, signing.Certificate), signing.Verifier, new LoggedPassEvents(log), clock);
                outcome = pass.Pass.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (PassNotClaimedException e)
            {
                throw new FedmdException(FailureKind.Infrastructure, e.Message);
            }
            catch (FedmdException e) when (e.InnerException is ClusterUnreachableException)
            {
                // The record lives in the database that is down: the one line on standard error is the record.
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                recorder.Failed(startedAt, e);
                throw;
            }

            recorder.Succeeded(startedAt);
            PassSummary.Print(outcome, Console.Out);
            IncompletePublication.ThrowIfAnyFailed(outcome.Targets);
            if (outcome.Refused.Count > 0)
            {
                Console.Error.WriteLine($"fedmd: {PassSummary.RefusalLine(outcome)}");
                return (int)FailureKind.InvalidDocument;
            }

            return CommandExecution.Success;
        }));
        return command;
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
