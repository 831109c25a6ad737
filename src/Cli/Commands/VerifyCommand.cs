using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;
using Fedmd.Verification;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd verify --file FILE (--cert PEM | --fingerprint SHA256:HEX)... [--max-validity P28D] [--out FILE]</c>:
/// strict verification against pinned keys only; exit 0 only when the document is valid.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "Signed metadata to verify", Required = true };
        var certs = new Option<string[]>("--cert") { Description = "Pinned PEM certificate (repeatable: current and next key)" };
        var fingerprints = new Option<string[]>("--fingerprint") { Description = "Pinned SHA256:HEX of a certificate or its public key (repeatable)" };
        var maxValidity = new Option<string>("--max-validity") { Description = "Longest accepted validUntil window", DefaultValueFactory = _ => "P28D" };
        var output = new Option<string?>("--out") { Description = "Write exactly what was signed (canonical form, no comments) here" };
        var command = new Command("verify", "Verify a signed metadata document against pinned keys only");
        command.Options.Add(file);
        command.Options.Add(certs);
        command.Options.Add(fingerprints);
        command.Options.Add(maxValidity);
        command.Options.Add(output);
        command.SetAction(parseResult => CommandExecution.Run(() =>
        {
            var options = PinnedKeys.FromCommandLine(parseResult.GetValue(certs), parseResult.GetValue(fingerprints), parseResult.GetValue(maxValidity)!);

            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new FedmdException(FailureKind.Configuration, $"--file {path} does not exist");
            }

            var result = new StrictVerifier(options).Verify(File.ReadAllBytes(path));
            if (!result.IsValid)
            {
                throw new FedmdException(FailureKind.InvalidDocument, $"{path}: REJECTED: {result.Failure}");
            }

            if (parseResult.GetValue(output) is { } outPath)
            {
                AtomicFileWriter.Write(outPath, result.SignedContent);
            }

            Console.Out.WriteLine($"{path}: valid; signed by {result.Signer!.ToDisplayString()}; validUntil {result.ValidUntil:u}");
            return CommandExecution.Success;
        }));
        return command;
    }
}
