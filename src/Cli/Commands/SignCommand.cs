using System.CommandLine;
using System.Xml;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Signer.Signing;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Cli.Commands;

/// <summary><c>fedmd sign --in FILE --out FILE</c>: signs an existing unsigned aggregate or entity with the configured key.</summary>
internal static class SignCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var input = new Option<string>("--in") { Description = "Unsigned md:EntitiesDescriptor or md:EntityDescriptor", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the signed document", Required = true };
        var command = new Command("sign", "Sign an existing unsigned aggregate or entity with the configured HSM key");
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var inPath = parseResult.GetValue(input)!;
            if (!File.Exists(inPath))
            {
                throw new FedmdException(FailureKind.Configuration, $"--in {inPath} does not exist");
            }

            const long maxBytes = 256L * 1024 * 1024;
            if (new FileInfo(inPath).Length > maxBytes)
            {
                throw new FedmdException(FailureKind.InvalidDocument, $"{inPath}: the file is over the limit of {maxBytes} bytes");
            }

            var (rootName, rootNamespace, validUntilText) = ReadRoot(inPath, maxBytes);
            if (rootNamespace != SamlNamespaces.Metadata || rootName is not ("EntitiesDescriptor" or "EntityDescriptor"))
            {
                throw new FedmdException(FailureKind.InvalidDocument, $"{inPath}: the root is {{{rootNamespace}}}{rootName}, not md:EntitiesDescriptor or md:EntityDescriptor");
            }

            // Strict consumers (fedmd verify, Shibboleth's RequireValidUntil) refuse metadata without a future validUntil.
            var now = clock.GetUtcNow();
            if (!XsDateTime.TryParse(validUntilText, out var validUntil)
                || validUntil <= now)
            {
                throw new FedmdException(FailureKind.InvalidDocument,
                    $"{inPath}: the root needs a validUntil in the future; participants' verifiers reject metadata without one");
            }

            var typed = TypedConfiguration.From(options);
            var window = typed.SelfCheckMaxValidity;
            if (validUntil > now + window)
            {
                throw new FedmdException(FailureKind.InvalidDocument,
                    $"{inPath}: validUntil {validUntil:u} is more than {window.TotalDays:0.##} days away, which participants' verifiers refuse; shorten it");
            }

            using var signing = SigningComponents.Open(options, typed, StateComponents.Open(options), clock, log);
            // Streamed file to file: neither the input nor the signed output is held in memory, and the signer counts
            // the entities for the audit entry in the same read that digests them.
            var request = new FileSigningRequest(Path.GetFileNameWithoutExtension(inPath), inPath, validUntil);
            var outPath = parseResult.GetValue(output)!;
            AtomicFileWriter.Write(outPath, stream => signing.Signer.SignFile(request, stream));
            log.Information("Signed {In} into {Out} with {Fingerprint}", inPath, outPath,
                Fedmd.Metadata.Values.CertificateFingerprint.Of(signing.Certificate, Fedmd.Metadata.Values.FingerprintAlgorithm.Sha256).ToString());
            return CommandExecution.Success;
        }));
        return command;
    }

    // Only the root's start tag, so the checks above cost no pass over the document (the signer's one read checks
    // the rest): byte-level for UTF-8 metadata, through an XmlReader otherwise.
    private static (string LocalName, string Namespace, string? ValidUntil) ReadRoot(string path, long maxBytes)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        if (Utf8CanonicalScanner.TryScanRootStartTag(input, maxBytes) is { } fast)
        {
            return (fast.RootLocalName, fast.RootNamespace, fast.ValidUntil);
        }

        input.Position = 0;
        try
        {
            using var reader = XmlReader.Create(input, new SafeXmlLoader(maxBytes).CreateReaderSettings());
            reader.MoveToContent();
            return (reader.LocalName, reader.NamespaceURI, reader.GetAttribute("validUntil"));
        }
        catch (XmlException e)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"{path}: {e.Message}", e);
        }
    }
}
