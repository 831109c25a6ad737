using System.CommandLine;
using System.Text.Json;
using Fedmd.Cli.Composition;
using Fedmd.Fetcher;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd fetch --url URL (--cert PEM | --fingerprint SHA256:HEX)... --out FILE [--max-validity P28D]
/// [--min-remaining PT12H] [--allow-http] [--json]</c>: a participant's verified fetch, fit for a cron line.
/// Exit 0 on success, 1 when the document is rejected, 3 on a network failure; the kept file is untouched on failure.
/// </summary>
internal static class FetchCommand
{
    private static readonly JsonSerializerOptions JsonOutput = new() { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var url = new Option<string>("--url") { Description = "The feed's URL (https unless --allow-http)", Required = true };
        var certs = new Option<string[]>("--cert") { Description = "Pinned PEM certificate (repeatable: current and next key)" };
        var fingerprints = new Option<string[]>("--fingerprint") { Description = "Pinned SHA256:HEX of a certificate or its public key (repeatable)" };
        var output = new Option<string>("--out") { Description = "Where the verified document is kept", Required = true };
        var maxValidity = new Option<string>("--max-validity") { Description = "Longest accepted validUntil window", DefaultValueFactory = _ => "P28D" };
        var minRemaining = new Option<string>("--min-remaining") { Description = "Warn when the kept document expires sooner than this", DefaultValueFactory = _ => "PT12H" };
        var allowHttp = new Option<bool>("--allow-http") { Description = "Allow plain http; the signature still protects the content" };
        var json = new Option<bool>("--json") { Description = "Print a JSON status object on standard output" };
        var command = new Command("fetch", "Fetch a signed feed, verify it against pinned keys, and keep it only if it verifies");
        foreach (var option in new Option[] { url, certs, fingerprints, output, maxValidity, minRemaining, allowHttp, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => CommandExecution.Run(() =>
        {
            var request = new FetchRequest(
                ParseUrl(parseResult.GetValue(url)!),
                OutputFile(parseResult.GetValue(output)!),
                PinnedKeys.FromCommandLine(parseResult.GetValue(certs), parseResult.GetValue(fingerprints), parseResult.GetValue(maxValidity)!))
            {
                AllowHttp = parseResult.GetValue(allowHttp),
                MinRemaining = PinnedKeys.Duration(parseResult.GetValue(minRemaining)!, "--min-remaining"),
            };
            var outcome = new MetadataFetcher(clock).FetchAsync(request).GetAwaiter().GetResult();
            if (parseResult.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(Status(outcome), JsonOutput));
            }
            else if (outcome.Succeeded)
            {
                Console.Out.WriteLine(outcome.Action == FetchAction.Updated
                    ? $"{request.OutputPath}: updated from {request.Url}, verified with {outcome.Signer!.ToDisplayString()}, validUntil {outcome.ValidUntil:u}"
                    : $"{request.OutputPath}: not modified, still verifies, validUntil {outcome.ValidUntil:u}");
            }

            if (outcome.Warning is not null)
            {
                Console.Error.WriteLine($"fedmd: warning: {outcome.Warning}");
            }

            return outcome.Succeeded
                ? CommandExecution.Success
                : throw new FedmdException(outcome.FailureKind!.Value, $"{outcome.Failure}; kept file {request.OutputPath} left untouched");
        }));
        return command;
    }

    private static string OutputFile(string text)
    {
        var path = Path.GetFullPath(text);
        return Directory.Exists(path)
            ? throw new FedmdException(FailureKind.Configuration,
                $"--out {path} is a directory; name the file to keep the verified document in, e.g. --out {Path.Combine(path, "federation-metadata.xml")}")
            : path;
    }

    private static Dictionary<string, object?> Status(FetchOutcome outcome) => new()
    {
        ["url"] = outcome.Url.ToString(),
        ["httpStatus"] = outcome.HttpStatus,
        ["verified"] = outcome.Verified,
        ["validUntil"] = outcome.ValidUntil is { } validUntil ? XsDateTime.Format(validUntil) : null,
        ["fingerprint"] = outcome.Signer?.ToString(),
        ["bytes"] = outcome.Bytes,
        ["action"] = outcome.Action switch
        {
            FetchAction.Updated => "updated",
            FetchAction.NotModified => "not-modified",
            _ => "kept-previous",
        },
        ["error"] = outcome.Failure,
        ["warning"] = outcome.Warning,
    };

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FedmdException(FailureKind.Configuration, $"--url {text} is not an http or https URL");
}
