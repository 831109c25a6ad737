using System.CommandLine;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Aggregator.Runs;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.Reporting;
using Fedmd.Pass.State;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd check --entities DIR|FILE [--profile registration|import] [--report-dir DIR]</c>: lints a registry or one
/// entity file with the same rules and report as a pass, without signing, publishing or touching the ledger. With
/// <c>--profile import</c> the entities are judged as a remote source's would be, and an aggregate file is split into
/// its entities first. Exit 0 when every entity passes, 1 otherwise.
/// </summary>
internal static class CheckCommand
{
    private const string RegistrationProfile = "registration";
    private const string ImportProfile = "import";

    // An aggregate on the command line is as large as a source may be (Sources[].MaxBytes' default).
    private const long MaxAggregateBytes = 256L * 1024 * 1024;

    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var entities = new Option<string?>("--entities") { Description = "Registry directory or one entity file (default: Registry:EntitiesDirectory)" };
        var reportDir = new Option<string?>("--report-dir") { Description = "Also write report.json and report.txt into this directory" };
        var profile = new Option<string>("--profile")
        {
            Description = "registration (the registry's rules, the default) or import (a remote source's; an aggregate file is split)",
            DefaultValueFactory = _ => RegistrationProfile,
        };
        profile.AcceptOnlyFromAmong(RegistrationProfile, ImportProfile);
        var command = new Command("check", "Validate entities with the pipeline's rules, without signing or publishing");
        command.Options.Add(entities);
        command.Options.Add(profile);
        command.Options.Add(reportDir);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, _) =>
        {
            var path = parseResult.GetValue(entities) is { } given ? Path.GetFullPath(given) : options.Registry.EntitiesDirectory;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FedmdException(FailureKind.Configuration, $"--entities {path} does not exist");
            }

            var asImport = parseResult.GetValue(profile) == ImportProfile;
            // In a cluster the ledger and the baseline are the shared ones.
            using var cluster = ClusterComponents.Open(options);
            var state = StateComponents.ForPass(options, cluster, clock.GetUtcNow);
            var items = LintItems.Read(path, options.Registry.MaxEntityBytes, MaxAggregateBytes, splitAggregates: asImport);
            var context = new PassContext(clock.GetUtcNow(), state.Ledger.Read(), Directory.Exists(path) ? PassBaseline.Read(state.Baseline, options.Publish.Directory) : null);
            var pipelines = AggregatorComponents.CreatePipelines(options);
            // Linted as an import, the entities stand where the registry's would, judged by the import profile.
            var outcome = AggregatorComponents.CreateAggregation(asImport ? pipelines with { Registry = pipelines.Imported } : pipelines, options, TypedConfiguration.From(options), guarded: false, allowDrop: false)
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
