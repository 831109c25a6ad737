using Fedmd.Signer.Audit;

namespace Fedmd.KeyLifecycle.Audit;

/// <summary>
/// Writes key events into the same hash-chained audit log as the signings, so that one chain shows every use of a
/// key and every step that changed which key is used.
/// </summary>
/// <param name="log">The audit log (<c>Signing:AuditLog</c>).</param>
/// <param name="clock">Stamps each line.</param>
/// <param name="host">The machine the step ran on.</param>
/// <param name="user">The operating-system user that ran it.</param>
public sealed class AuditKeyEventLog(AuditLog log, TimeProvider clock, string host, string user) : IKeyEventLog
{
    /// <inheritdoc />
    public void Record(KeyEvent keyEvent)
    {
        ArgumentNullException.ThrowIfNull(keyEvent);
        var recorded = new AuditKeyEvent(keyEvent.Operation, keyEvent.Subject, [.. keyEvent.Principals], keyEvent.Detail);
        log.Append((sequence, previous) => AuditEntry.ForKeyEvent(sequence, clock.GetUtcNow(), recorded, host, user, previous));
    }
}
