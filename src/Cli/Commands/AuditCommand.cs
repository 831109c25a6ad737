using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Audit;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd audit verify [--file FILE]</c>: checks the audit log's hash chain (signings and key events). Exit 0 when intact, 1 when a
/// line was edited, removed, inserted or reordered. In a cluster it also compares the log's last line with this node's
/// audit head in PostgreSQL, which shows lines cut off the end even when the head file beside the log went with them.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "Audit log to check (default: Signing:AuditLog)" };
        var verify = new Command("verify", "Check that no line of the signing audit log was edited, removed or reordered");
        verify.Options.Add(file);
        verify.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var configured = StateComponents.Open(options).AuditLogPath;
            var path = parseResult.GetValue(file) is { } given ? Path.GetFullPath(given) : configured;
            if (!File.Exists(path))
            {
                throw new FedmdException(FailureKind.Configuration, $"audit log {path} does not exist (Signing:AuditLog or --file)");
            }

            var auditLog = new AuditLog(path);
            var problems = auditLog.Verify().ToList();
            // Another file (--file) is not this node's log, so PostgreSQL's head for this node says nothing about it.
            if (string.Equals(path, Path.GetFullPath(configured), StringComparison.Ordinal))
            {
                problems.AddRange(ClusterAuditHeadCheck.Problems(options, auditLog));
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    Console.Out.WriteLine(problem);
                }

                throw new FedmdException(FailureKind.InvalidDocument, $"{path}: audit log tampered ({problems.Count} problems)");
            }

            log.Information("Audit log {Path} is intact", path);
            Console.Out.WriteLine($"{path}: intact, {File.ReadLines(path).Count()} entries (signings and key events)");
            return CommandExecution.Success;
        }));
        var audit = new Command("audit", "The signing audit log");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
