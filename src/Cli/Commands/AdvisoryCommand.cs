using System.CommandLine;
using System.Text;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Advisories;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd advisory publish --file TEXT [--publish-dir DIR]</c>: publishes a security advisory (e.g. on a key
/// compromise) as <c>advisory.html</c> in the web root, where the fingerprint page links to it.
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
            PublishingComponents.RequireSafeWebRoot(options, webRoot);
            var text = ReadText(parseResult.GetValue(file)!);
            var path = new AdvisoryPublisher(webRoot, options.Federation.Name).Publish(text, clock.GetUtcNow());
            log.Warning("Security advisory published at {Path}", path);
            Console.Out.WriteLine($"Published {path}");
            return CommandExecution.Success;
        }));
        var command = new Command("advisory", "Security advisories for participants");
        command.Subcommands.Add(publish);
        return command;
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
