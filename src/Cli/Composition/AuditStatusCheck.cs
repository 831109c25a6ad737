using Fedmd.Pass.Monitoring;
using Fedmd.Signer.Audit;

namespace Fedmd.Cli.Composition;

/// <summary>What <c>fedmd audit verify</c> does, as a status line: a broken hash chain is CRITICAL (the evidence of every signature is in doubt).</summary>
internal sealed class AuditStatusCheck(string auditLogPath) : IStatusCheck
{
    /// <inheritdoc />
    public Task<StatusLine> CheckAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(auditLogPath))
        {
            return Task.FromResult(new StatusLine("audit", "audit", StatusLevel.Warning, $"{auditLogPath} does not exist: nothing was signed yet, or it was removed"));
        }

        var problems = new AuditLog(auditLogPath).Verify();
        return Task.FromResult(problems.Count == 0
            ? new StatusLine("audit", "audit", StatusLevel.Ok, $"{auditLogPath} is intact")
            : new StatusLine("audit", "audit", StatusLevel.Critical,
                $"{auditLogPath} is tampered ({problems.Count} problems, first: {problems[0]}); run fedmd audit verify and keep the file as evidence"));
    }
}
