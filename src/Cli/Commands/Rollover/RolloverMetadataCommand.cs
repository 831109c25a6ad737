using System.CommandLine;
using System.Text.Json;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Pkcs11;
using Serilog;

namespace Fedmd.Cli.Commands.Rollover;

/// <summary>
/// <c>fedmd rollover metadata announce|switch|finish|status|stragglers</c>: the metadata signing key rollover
/// (docs/rollover.md). Exit 0 done, 1 refused (too early, missing approvals), 2 usage, 3 infrastructure.
/// </summary>
internal static class RolloverMetadataCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Builds the command group.</summary>
    public static Command Create(TimeProvider clock)
    {
        var metadata = new Command("metadata", "Roll the metadata signing key: announce the next key, switch to it, finish");
        metadata.Subcommands.Add(Announce(clock));
        metadata.Subcommands.Add(Step("switch", "Sign the default feed names with the announced key from the next pass (not before the announced date; dual control)",
            clock, steps => steps.Switch(),
            "From the next pass the default names are signed by the new key; the old one is shown as previous. Run `fedmd run --once` now, or let the service (it restarts itself) do it."));
        metadata.Subcommands.Add(Step("finish", "Remove the previous key's certificate, metadata-signer-next.crt and the versioned feed names from the next pass (dual control)",
            clock, steps => steps.Finish(),
            "The next pass publishes without the previous certificate and the -next names. Run `fedmd run --once` now, or let the service do it."));
        metadata.Subcommands.Add(Status(clock));
        metadata.Subcommands.Add(Stragglers(clock));
        return metadata;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print the rollover state as JSON" };

    private static Command Announce(TimeProvider clock)
    {
        var switchAt = new Option<string>("--switch-at") { Description = "When the default names switch to the next key (xs:dateTime with a zone, e.g. 2027-03-01T10:00:00Z)", Required = true };
        var certificate = new Option<string?>("--certificate") { Description = "The next key's certificate (PEM); the key was generated offline and loaded on this token" };
        var keyUri = new Option<string?>("--key-uri") { Description = "The next key's PKCS#11 URI; default: the key on the current key's token whose public key is the certificate's" };
        var json = JsonOption();
        var command = new Command("announce", "Announce the next metadata signing key: publish its certificate, fingerprints and the switch date, and sign every feed with it at a versioned name");
        command.Options.Add(switchAt);
        command.Options.Add(certificate);
        command.Options.Add(keyUri);
        command.Options.Add(json);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var at = XsDateTime.ParseOrNull(parseResult.GetValue(switchAt))
                ?? throw new FedmdException(FailureKind.Configuration, $"--switch-at {parseResult.GetValue(switchAt)} is not a date and time with a zone, e.g. 2027-03-01T10:00:00Z");
            var configured = MetadataSigningKeys.Configured(options);
            var steps = MetadataRolloverComponents.Steps(options, clock);
            var current = steps.Status() is { Phase: MetadataRolloverPhase.Finished } finished ? finished.Current : configured;
            var next = parseResult.GetValue(certificate) is { } file
                ? LoadedKey(options, clock, log, current, CertificateFiles.LoadPem(file, "--certificate"), file, parseResult.GetValue(keyUri))
                : MetadataRolloverComponents.KeyGenerator(options, clock).Generate(current);
            var state = steps.Announce(configured, next, at);
            log.Information("Metadata signing key rollover announced: next key {Next}, switch at {SwitchAt}", next.PublicKeyFingerprint.ToString(), MetadataRolloverState.Format(at));
            Print(parseResult.GetValue(json), state, MetadataSigningKeys.StoreOf(options).Path,
                "Announced. The next pass publishes metadata-signer-next.crt, the next key on the fingerprint page, and every feed also as NAME-next.xml signed by it; run `fedmd run --once` now, or let the service (it restarts itself) do it.");
            return CommandExecution.Success;
        }));
        return command;
    }

    private static Command Step(string name, string description, TimeProvider clock, Func<MetadataRolloverSteps, MetadataRolloverState> step, string done)
    {
        var json = JsonOption();
        var command = new Command(name, description);
        command.Options.Add(json);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var state = step(MetadataRolloverComponents.Steps(options, clock));
            log.Information("Metadata signing key rollover: {Step} done", name);
            Print(parseResult.GetValue(json), state, MetadataSigningKeys.StoreOf(options).Path, done);
            return CommandExecution.Success;
        }));
        return command;
    }

    private static Command Status(TimeProvider clock)
    {
        var json = JsonOption();
        var command = new Command("status", "Show the rollover's phase, keys, times and the next allowed step with its earliest time");
        command.Options.Add(json);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, _) =>
        {
            var state = MetadataRolloverComponents.Steps(options, clock).Status();
            Print(parseResult.GetValue(json), state, MetadataSigningKeys.StoreOf(options).Path, null);
            return CommandExecution.Success;
        }));
        return command;
    }

    private static Command Stragglers(TimeProvider clock)
    {
        var accessLog = new Option<string>("--access-log") { Description = "An nginx access log in the combined format (the shipped template's)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the stragglers as JSON" };
        var command = new Command("stragglers", "List clients that fetched a default feed during the announcement but never its next-key (-next) version");
        command.Options.Add(accessLog);
        command.Options.Add(json);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, _) =>
        {
            var state = MetadataRolloverComponents.Steps(options, clock).Status();
            if (state is null || state.Phase == MetadataRolloverPhase.Finished)
            {
                throw new FedmdException(FailureKind.InvalidDocument, "no announcement is under way (rollover metadata status shows none); stragglers are counted from announce to switch");
            }

            var path = parseResult.GetValue(accessLog)!;
            if (!File.Exists(path))
            {
                throw new FedmdException(FailureKind.Configuration, $"--access-log {path} does not exist");
            }

            var unparsed = 0;
            var entries = new List<AccessLogEntry>();
            foreach (var line in File.ReadLines(path))
            {
                if (CombinedLogFormat.Parse(line) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    unparsed++;
                }
            }

            var feeds = TypedConfiguration.From(options).Feeds.Select(f => f.FileName).ToList();
            var until = state.SwitchedAt ?? clock.GetUtcNow();
            var found = StragglerFinder.Find(entries, feeds, state.AnnouncedAt, until);
            if (parseResult.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["from"] = XsDateTime.Format(state.AnnouncedAt),
                    ["until"] = XsDateTime.Format(until),
                    ["unparsedLines"] = unparsed,
                    ["stragglers"] = found.Select(s => new Dictionary<string, object>
                    {
                        ["address"] = s.Address,
                        ["userAgent"] = s.UserAgent,
                        ["feed"] = s.Feed,
                        ["lastFetch"] = XsDateTime.Format(s.LastFetch),
                        ["fetches"] = s.Fetches,
                    }),
                }, Indented));
                return CommandExecution.Success;
            }

            Console.Out.WriteLine($"{found.Count} client(s) fetched a default feed between {XsDateTime.Format(state.AnnouncedAt)} and {XsDateTime.Format(until)} but never its -next version:");
            foreach (var s in found)
            {
                Console.Out.WriteLine($"  {s.Address}  last {XsDateTime.Format(s.LastFetch)}  {s.Feed} ({s.Fetches}x)  \"{s.UserAgent}\"");
            }

            if (unparsed > 0)
            {
                Console.Out.WriteLine($"{unparsed} line(s) of {path} are not in nginx's combined format and were skipped.");
            }

            Console.Out.WriteLine(found.Count > 0
                ? "Next: contact them (the fingerprint page has ready-to-paste configuration that trusts both keys) before the switch."
                : "Next: every client that fetched a default feed also fetched its -next version.");
            return CommandExecution.Success;
        }));
        return command;
    }

    // The certificate's key on the token, by --key-uri or by its public key, checked to sign what the certificate verifies.
    private static MetadataSigningKey LoadedKey(FedmdOptions options, TimeProvider clock, ILogger log, MetadataSigningKey current, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string file, string? keyUri)
    {
        var currentUri = Pkcs11KeyUri.Parse(current.KeyUri);
        using var module = Pkcs11Module.Load(currentUri.ModulePath);
        var uri = keyUri ?? new TokenKeyLocator(module)
            .FindByPublicKey(currentUri.TokenLabel, currentUri.ModulePath, SigningComponents.PinSourceOf(options.Signing), certificate.PublicKey.ExportSubjectPublicKeyInfo())?.ToString()
            ?? throw new FedmdException(FailureKind.Configuration,
                $"no key on token '{currentUri.TokenLabel}' holds the public key of --certificate {file}; load the key on the token first, or name it with --key-uri");
        var next = new MetadataSigningKey(uri, certificate);
        using var signing = SigningComponents.OpenKey(options, TypedConfiguration.From(options), StateComponents.Open(options), clock, log, next, $"--certificate {file}", module);
        return KeysCommand.TestSignatureVerifies(signing)
            ? next
            : throw new FedmdException(FailureKind.Infrastructure, $"a test signature by {uri} does not verify with --certificate {file}");
    }

    private static void Print(bool json, MetadataRolloverState? state, string stateFile, string? done)
    {
        if (json)
        {
            MetadataRolloverReport.WriteJson(Console.Out, state, stateFile);
            return;
        }

        if (done is not null)
        {
            Console.Out.WriteLine(done);
        }

        MetadataRolloverReport.WriteText(Console.Out, state, stateFile);
    }
}
