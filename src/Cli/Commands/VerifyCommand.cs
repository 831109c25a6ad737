using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
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

            // One streaming pass: what was signed goes to a temporary file beside --out as it is verified, and is
            // renamed into place only when the document is accepted.
            var outPath = parseResult.GetValue(output);
            var temporary = outPath is null ? null
                : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, $".{Path.GetFileName(outPath)}.{Guid.NewGuid():N}.fedmd-tmp");
            try
            {
                VerificationResult result;
                using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                using (var signedContent = temporary is null ? null : new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    result = new StrictVerifier(options).Verify(input, signedContent);
                    signedContent?.Flush(flushToDisk: true);
                }

                if (!result.IsValid)
                {
                    throw new FedmdException(FailureKind.InvalidDocument, $"{path}: REJECTED: {result.Failure}");
                }

                if (temporary is not null)
                {
                    File.Move(temporary, outPath!, overwrite: true);
                }

                Console.Out.WriteLine($"{path}: valid; signed by {result.Signer!.ToDisplayString()}; validUntil {result.ValidUntil:u}");
            }
            finally
            {
                if (temporary is not null)
                {
                    File.Delete(temporary);
                }
            }

            return CommandExecution.Success;
        }));
        return command;
    }
}
