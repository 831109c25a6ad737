using System.CommandLine;
using Fedmd.Aggregator.Registry;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Publication;
using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd check --entities DIR|FILE</c>: lints a registry or one entity file with the same rules as a pass, without
/// signing. Exit 0 when every entity passes, 1 otherwise.
/// </summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var entities = new Option<string?>("--entities") { Description = "Registry directory or one entity file (default: Registry:EntitiesDirectory)" };
        var command = new Command("check", "Validate entities with the pipeline's rules, without signing or publishing");
        command.Options.Add(entities);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, _) =>
        {
            var path = parseResult.GetValue(entities) is { } given ? Path.GetFullPath(given) : options.Registry.EntitiesDirectory;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FedmdException(FailureKind.Configuration, $"--entities {path} does not exist");
            }

            var result = AggregatorComponents.CreatePipeline(options).Run(new RegistryDirectory(path, options.Registry.MaxEntityBytes).ReadItems());
            Console.Out.WriteLine($"{path}: {result.Accepted.Count} accepted, {result.Rejected.Count} rejected");
            PassSummary.PrintFindings(result.Items.Where(i => i.Messages.Count > 0), Console.Out);
            return result.Rejected.Count == 0 ? CommandExecution.Success : (int)FailureKind.InvalidDocument;
        }));
        return command;
    }
}
