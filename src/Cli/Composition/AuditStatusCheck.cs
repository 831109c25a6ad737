using Fedmd.Metadata.Failures;
using Fedmd.Pass.Monitoring;
using Fedmd.Signer.Audit;

namespace Fedmd.Cli.Composition;

/// <summary>
/// What <c>fedmd audit verify</c> does, as a status line: a broken hash chain, or (in a cluster) a log that no longer
/// ends where PostgreSQL recorded this node's head, is CRITICAL (the evidence of every signature is in doubt).
/// </summary>
/// <param name="auditLogPath">The configured audit log.</param>
/// <param name="sharedHeadProblems">The log's disagreements with a head kept elsewhere; none outside a cluster.</param>
internal sealed class AuditStatusCheck(string auditLogPath, Func<AuditLog, IReadOnlyList<string>> sharedHeadProblems) : IStatusCheck
{
    /// <inheritdoc />
    public Task<StatusLine> CheckAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(auditLogPath))
        {
            return Task.FromResult(new StatusLine("audit", "audit", StatusLevel.Warning, $"{auditLogPath} does not exist: nothing was signed yet, or it was removed"));
        }

        var log = new AuditLog(auditLogPath);
        var problems = log.Verify().ToList();
        try
        {
            problems.AddRange(sharedHeadProblems(log));
        }
        catch (FedmdException e)
        {
            return Task.FromResult(new StatusLine("audit", "audit", StatusLevel.Warning,
                problems.Count == 0 ? $"{auditLogPath} is intact, but its head in the cluster could not be read: {e.Message}" : Tampered(problems)));
        }

        return Task.FromResult(problems.Count == 0
            ? new StatusLine("audit", "audit", StatusLevel.Ok, $"{auditLogPath} is intact")
            : new StatusLine("audit", "audit", StatusLevel.Critical, Tampered(problems)));
    }

    private string Tampered(List<string> problems) =>
        $"{auditLogPath} is tampered ({problems.Count} problems, first: {problems[0]}); run fedmd audit verify and keep the file as evidence";
}
