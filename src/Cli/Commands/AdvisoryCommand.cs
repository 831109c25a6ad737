using System.CommandLine;
using System.Text;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Advisories;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;
using Fedmd.Verification;
using Serilog.Events;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd advisory publish --file TEXT [--publish-dir DIR]</c>: publishes a security advisory (e.g. on a key
/// compromise) as <c>advisory.html</c> in the web root, where the fingerprint page links to it, and pushes it to every
/// mirror at once rather than with the next pass. A mirror that does not take it ends the command with exit 3.
/// </summary>
internal static class AdvisoryCommand
{
    private const int MaxAdvisoryBytes = 256 * 1024;

    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var file = new Option<string>("--file") { Description = "The advisory text (UTF-8 plain text)", Required = true };
        var publishDir = new Option<string?>("--publish-dir") { Description = "Web root to publish into (default: Publish:Directory)" };
        var publish = new Command("publish", "Publish the advisory page linked from the fingerprint page");
        publish.Options.Add(file);
        publish.Options.Add(publishDir);
        publish.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var webRoot = RunCommand.Settings(options, null, parseResult.GetValue(publishDir)).PublishDirectory;
            PublishingComponents.RequireReadyToPublish(options, webRoot, clock);
            var text = ReadText(parseResult.GetValue(file)!);
            var now = clock.GetUtcNow();
            var advisories = new AdvisoryPublisher(webRoot, options.Federation.Name);
            var path = advisories.Publish(text, now);
            log.Warning("Security advisory published at {Path}", path);
            Console.Out.WriteLine($"Published {path}");
            var outcomes = PushToMirrors(options, webRoot, advisories.Current(), now, clock);
            foreach (var outcome in outcomes)
            {
                log.Write(outcome.Succeeded ? LogEventLevel.Information : LogEventLevel.Error, "Security advisory {Outcome}", outcome.ToString());
                Console.Out.WriteLine($"  {outcome}");
            }

            IncompletePublication.ThrowIfAnyFailed([TargetOutcome.Published("local " + webRoot), .. outcomes]);
            return CommandExecution.Success;
        }));
        var command = new Command("advisory", "Security advisories for participants");
        command.Subcommands.Add(publish);
        return command;
    }

    // The set holds no feed, so the mirrors' read-back verifier is never asked to verify one: it trusts no key.
    private static IReadOnlyList<TargetOutcome> PushToMirrors(FedmdOptions options, string webRoot, PublicationFile advisory, DateTimeOffset now, TimeProvider clock)
    {
        using var publishing = PublishingComponents.Create(options, TypedConfiguration.From(options), webRoot, new StrictVerifier(new VerificationOptions { Clock = clock }), clock);
        return publishing.Dispatcher.PublishToMirrorsAsync(new PublicationSet([], [advisory], [], now), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new FedmdException(FailureKind.Configuration, $"--file {path} does not exist");
        }

        if (new FileInfo(path).Length > MaxAdvisoryBytes)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"--file {path} is larger than {MaxAdvisoryBytes / 1024} KiB; an advisory is a short text");
        }

        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
            return string.IsNullOrWhiteSpace(text)
                ? throw new FedmdException(FailureKind.InvalidDocument, $"--file {path} is empty; write the advisory text into it")
                : text;
        }
        catch (DecoderFallbackException)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"--file {path} is not UTF-8 text; save it as UTF-8");
        }
    }
}
