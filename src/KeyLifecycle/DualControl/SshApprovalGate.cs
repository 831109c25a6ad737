using Fedmd.KeyLifecycle.Audit;

namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>
/// Dual control: a change goes ahead only with valid approvals from <c>required</c> distinct operators. An approval
/// counts when its document names this change, it has not expired, and <c>ssh-keygen -Y verify</c> accepts its
/// signature by the principal it names against <c>Rollover:AllowedSigners</c>. One operator's several approvals
/// count once. A granted use is written to the audit log with the principals.
/// </summary>
/// <param name="store">The approvals folder.</param>
/// <param name="ssh">ssh-keygen.</param>
/// <param name="allowedSigners">The OpenSSH allowed_signers file listing the operators.</param>
/// <param name="events">The audit log.</param>
/// <param name="clock">Decides what has expired.</param>
/// <param name="required">How many distinct operators must approve (2).</param>
public sealed class SshApprovalGate(ApprovalStore store, SshKeygen ssh, string allowedSigners, IKeyEventLog events, TimeProvider clock, int required = 2) : IApprovalGate
{
    // Machines' clocks differ a little; an approval issued further ahead than this is not trusted.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public ApprovalDecision Check(ChangeId change)
    {
        var now = clock.GetUtcNow();
        var principals = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (documentPath, signaturePath) in store.All())
        {
            var name = Path.GetFileName(documentPath);
            var document = ApprovalDocument.TryParse(File.ReadAllBytes(documentPath));
            if (document is null)
            {
                if (ApprovalStore.IsNamedFor(documentPath, change))
                {
                    problems.Add($"approval {name} is not an approval document; ask its author to run fedmd approve {change} again");
                }

                continue;
            }

            if (document.Change != change)
            {
                if (ApprovalStore.IsNamedFor(documentPath, change))
                {
                    problems.Add($"approval {name} (by {document.Principal}) approves another change, {document.Change}; not counted");
                }

                continue;
            }

            var problem = Problem(document, signaturePath, now);
            if (problem is null)
            {
                principals.Add(document.Principal);
            }
            else
            {
                problems.Add($"approval {name} (by {document.Principal}) {problem}; not counted");
            }
        }

        if (principals.Count < required)
        {
            problems.Add($"change {change} needs approvals from {required} distinct operators and has {principals.Count}" +
                (principals.Count > 0 ? $" ({string.Join(", ", principals)})" : string.Empty) +
                $"; each operator runs: fedmd approve {change}");
            return new ApprovalDecision(false, [.. principals], problems);
        }

        events.Record(new KeyEvent("approval-used", change.Value, [.. principals], $"change {change} carried out with the approvals of {string.Join(", ", principals)}"));
        return new ApprovalDecision(true, [.. principals], problems);
    }

    private string? Problem(ApprovalDocument document, string signaturePath, DateTimeOffset now)
    {
        if (document.ExpiresAt <= now)
        {
            return $"expired at {document.ExpiresAt:u}";
        }

        if (document.IssuedAt > now + ClockSkew)
        {
            return $"is issued in the future ({document.IssuedAt:u})";
        }

        if (!File.Exists(signaturePath))
        {
            return $"has no signature {Path.GetFileName(signaturePath)}";
        }

        var refusal = ssh.Verify(allowedSigners, document.Principal, signaturePath, document.ToBytes());
        return refusal is null ? null : $"has a signature that does not verify for principal {document.Principal} against {allowedSigners} ({refusal})";
    }
}
