using System.CommandLine;
using Fedmd.Cli.Commands.Rollover;
using Fedmd.Cli.Composition;
using Fedmd.KeyLifecycle.Compromise;
using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Advisories;

namespace Fedmd.Cli.Commands.Compromise;

/// <summary>
/// <c>fedmd compromise metadata [--advisory FILE] [--json]</c> (dual control): the metadata signing key is compromised.
/// Switches to the announced next key at once (or to a key generated on the token when none is announced), publishes
/// the advisory, re-signs and publishes every feed in one pass, and writes <c>contacts-to-notify.csv</c>.
/// Exit 0 done, 1 refused (missing approvals) or a feed refused, 2 usage, 3 infrastructure.
/// </summary>
internal static class CompromiseMetadataCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var advisory = new Option<string?>("--advisory") { Description = "The advisory text (UTF-8) to publish; default: a notice naming the old and the new key" };
        var json = new Option<bool>("--json") { Description = "Print the rollover state as JSON after the pass" };
        var command = new Command("metadata", "The metadata signing key is compromised: switch to the next key now, re-sign and publish every feed, publish an advisory");
        command.Options.Add(advisory);
        command.Options.Add(json);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var settings = RunCommand.Settings(options, null, null);
            PublishingComponents.RequireReadyToPublish(options, settings.PublishDirectory, clock);
            var text = parseResult.GetValue(advisory) is { } file ? ReadAdvisory(file) : null;
            var steps = MetadataRolloverComponents.Steps(options, clock);
            var compromised = steps.Status()?.Current ?? MetadataSigningKeys.Configured(options);
            var state = steps.Compromise(MetadataSigningKeys.Configured(options), MetadataRolloverComponents.KeyGenerator(options, clock));
            log.Warning("Metadata signing key {Compromised} compromised: replaced by {Current}", compromised.PublicKeyFingerprint.ToString(), state.Current.PublicKeyFingerprint.ToString());
            var now = clock.GetUtcNow();
            var published = new AdvisoryPublisher(settings.PublishDirectory, options.Federation.Name)
                .Publish(text ?? DefaultAdvisory(compromised, state.Current, now), now);
            Console.Out.WriteLine($"Switched to {state.Current.PublicKeyFingerprint.ToDisplayString()} at once; advisory published at {published}. Re-signing and publishing every feed now:");
            var passExit = RunCommand.RunOnce(options, settings, clock, log);
            var contacts = Path.Combine(options.StateDirectory, ContactsToNotify.FileName);
            var rows = ContactsToNotify.Write(options.Registry.EntitiesDirectory, options.Registry.MaxEntityBytes, null, contacts);
            Console.Out.WriteLine($"Wrote {contacts}: {rows} technical and security contact(s) to notify.");
            if (parseResult.GetValue(json))
            {
                MetadataRolloverReport.WriteJson(Console.Out, state, MetadataSigningKeys.StoreOf(options).Path);
            }
            else
            {
                MetadataRolloverReport.WriteText(Console.Out, state, MetadataSigningKeys.StoreOf(options).Path);
            }

            Console.Out.WriteLine("Next: mail every contact in the CSV with the advisory and the new key's fingerprint; remove the compromised key from the token.");
            return passExit;
        }));
        return command;
    }

    private static string DefaultAdvisory(MetadataSigningKey compromised, MetadataSigningKey current, DateTimeOffset now) =>
        $"""
        The metadata signing key with public key fingerprint {compromised.PublicKeyFingerprint.ToDisplayString()} is considered compromised as of {MetadataRolloverState.Format(now)}.

        Every feed is now signed by the key with public key fingerprint {current.PublicKeyFingerprint.ToDisplayString()}, published as metadata-signer.crt beside the feeds and on the fingerprint page.

        Remove the compromised key from your metadata configuration now, and trust the new key only after checking its fingerprint out of band.
        """;

    private static string ReadAdvisory(string path)
    {
        if (!File.Exists(path))
        {
            throw new FedmdException(FailureKind.Configuration, $"--advisory {path} does not exist");
        }

        var text = File.ReadAllText(path);
        return string.IsNullOrWhiteSpace(text)
            ? throw new FedmdException(FailureKind.Configuration, $"--advisory {path} is empty; write the advisory text into it")
            : text;
    }
}
