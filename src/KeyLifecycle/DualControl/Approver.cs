using Fedmd.KeyLifecycle.Audit;

namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>
/// <c>fedmd approve</c>: writes an approval document for a change, has ssh-keygen sign it with the operator's own
/// key, and records the approval in the audit log.
/// </summary>
/// <param name="store">The approvals folder.</param>
/// <param name="ssh">ssh-keygen.</param>
/// <param name="events">The audit log.</param>
/// <param name="clock">Stamps the approval.</param>
public sealed class Approver(ApprovalStore store, SshKeygen ssh, IKeyEventLog events, TimeProvider clock)
{
    /// <summary>Approves <paramref name="change"/> as <paramref name="principal"/> with <paramref name="keyFile"/>, for <paramref name="lifetime"/>.</summary>
    /// <returns>The stored document and the path of its signature.</returns>
    public (ApprovalDocument Document, string SignaturePath) Approve(ChangeId change, string principal, string keyFile, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var issued = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var document = new ApprovalDocument(change, principal, issued, issued + lifetime);
        var path = store.Write(document);
        try
        {
            ssh.Sign(keyFile, path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        events.Record(new KeyEvent("approval", change.Value, [principal], $"approved {change} until {document.ExpiresAt:u} ({Path.GetFileName(path)})"));
        return (document, path + ".sig");
    }
}
