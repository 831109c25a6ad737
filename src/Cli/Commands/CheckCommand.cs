using System.CommandLine;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Reporting;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.Reporting;
using Fedmd.Pass.State;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd check --entities DIR|FILE [--report-dir DIR]</c>: lints a registry or one entity file with the same rules
/// and report as a pass, without signing, publishing or touching the ledger. Exit 0 when every entity passes, 1
/// otherwise.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var entities = new Option<string?>("--entities") { Description = "Registry directory or one entity file (default: Registry:EntitiesDirectory)" };
        var reportDir = new Option<string?>("--report-dir") { Description = "Also write report.json and report.txt into this directory" };
        var command = new Command("check", "Validate entities with the pipeline's rules, without signing or publishing");
        command.Options.Add(entities);
        command.Options.Add(reportDir);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, _) =>
        {
            var path = parseResult.GetValue(entities) is { } given ? Path.GetFullPath(given) : options.Registry.EntitiesDirectory;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FedmdException(FailureKind.Configuration, $"--entities {path} does not exist");
            }

            var state = StateComponents.Open(options);
            var items = new RegistryDirectory(path, options.Registry.MaxEntityBytes).ReadItems();
            var context = new PassContext(clock.GetUtcNow(), ((ILedgerStore)state).Read(), Directory.Exists(path) ? PassBaseline.Read(state, options.Publish.Directory) : null);
            var outcome = AggregatorComponents.CreateAggregation(AggregatorComponents.CreatePipelines(options), options, TypedConfiguration.From(options), guarded: false, allowDrop: false)
                .Run("check", path, items, context);
            Console.Out.Write(ReportText.Render(outcome.Report));
            if (parseResult.GetValue(reportDir) is { } directory)
            {
                ReportFiles.WriteTo(Path.GetFullPath(directory), outcome.Report);
            }

            return outcome.Result.Rejected.Count == 0 ? CommandExecution.Success : (int)FailureKind.InvalidDocument;
        }));
        return command;
    }
}
