using System.CommandLine;
using System.Globalization;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cluster.Audit;
using Fedmd.Cluster.Claims;
using Fedmd.Cluster.Database;
using Fedmd.Cluster.Schema;
using Fedmd.Cluster.State;
using Fedmd.Cluster.Status;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.State;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd db init</c> creates or upgrades the cluster's tables and merges the node's ledger file into the shared
/// ledger (both idempotent); <c>fedmd db status</c> shows the schema
/// version, the nodes with their last check-in, each node's audit chain head, and the latest claimed fire times with the node that ran each.
/// </summary>
internal static class DbCommand
{
    private const int ClaimsShown = 5;

    /// <summary>Builds the command group.</summary>
    public static Command Create()
    {
        var init = new Command("init", "Create or upgrade the cluster's tables in PostgreSQL (Cluster:ConnectionString); running it again changes nothing");
        init.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            using var database = Open(options);
            var applied = new ClusterSchema(database).Initialize();
            var line = applied.Count == 0
                ? $"PostgreSQL {database.Server}: schema version {ClusterSchema.RequiredVersion}, already up to date"
                : $"PostgreSQL {database.Server}: schema version {ClusterSchema.RequiredVersion} (applied {string.Join(", ", applied)})";
            log.Information("{Schema}", line);
            Console.Out.WriteLine(line);

            // A node that ran alone keeps its first-seen instants: its ledger file joins the shared ledger, where an
            // entityID already present keeps the instant it has.
            var files = StateComponents.Open(options);
            var ledger = ((ILedgerStore)files).Read();
            new ClusterStateStore(database, new ClaimFence()).Write(ledger);
            var merged = $"ledger {files.LedgerPath}: {ledger.Entries.Count} first-seen instants merged into PostgreSQL (entityIDs already there keep theirs)";
            log.Information("{Ledger}", merged);
            Console.Out.WriteLine(merged);
            return CommandExecution.Success;
        }));

        var status = new Command("status", "Show the schema version, the nodes and their last check-in, their audit heads, and the latest claimed fire times");
        status.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, _) =>
        {
            using var database = Open(options);
            var cluster = new ClusterStatus(database);
            var version = cluster.SchemaVersion();
            Console.Out.WriteLine($"database: PostgreSQL {database.Server}");
            Console.Out.WriteLine($"schema version: {version} (this fedmd needs {ClusterSchema.RequiredVersion})");
            if (version < ClusterSchema.RequiredVersion)
            {
                throw new FedmdException(FailureKind.Configuration,
                    $"PostgreSQL {database.Server} has schema version {version}, this fedmd needs {ClusterSchema.RequiredVersion}; run: fedmd db init");
            }

            Console.Out.WriteLine("nodes:");
            foreach (var node in cluster.Nodes())
            {
                Console.Out.WriteLine($"  {node.Name}  last check-in {Text(node.LastCheckIn)}  fedmd {node.Version}");
            }

            Console.Out.WriteLine("audit heads:");
            foreach (var head in new AuditHeads(database).List())
            {
                Console.Out.WriteLine($"  {head.Node}  sequence {head.Sequence}  last line {Text(head.RecordedAt)}");
            }

            Console.Out.WriteLine("latest claims:");
            foreach (var claim in cluster.LatestClaims(ClaimsShown))
            {
                var ended = claim.FinishedAt is { } finished ? "finished " + Text(finished) : "not finished (running, or its node died)";
                Console.Out.WriteLine($"  fire time {Text(claim.FireTime)}  node {claim.Node}  generation {claim.Generation}  {ended}");
            }

            return CommandExecution.Success;
        }));

        var command = new Command("db", "The PostgreSQL database nodes of a cluster share (docs/cluster.md)");
        command.Subcommands.Add(init);
        command.Subcommands.Add(status);
        return command;
    }

    private static ClusterDatabase Open(FedmdOptions options) =>
        ClusterComponents.Open(options)
        ?? throw new FedmdException(FailureKind.Configuration,
            "Cluster:ConnectionString is not set: fedmd db needs a Cluster section (see docs/cluster.md)");

    private static string Text(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
