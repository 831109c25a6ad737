namespace Fedmd.Signer.Audit;

/// <summary>
/// Keeps a copy of the audit log's head somewhere the node's own disk cannot rewrite (a cluster's database), so that
/// lines cut off the log's end show even when the head file beside it was removed too.
/// </summary>
public interface IAuditHeadSink
{
    /// <summary>
    /// Records <paramref name="entry"/>, whose line hashes to <paramref name="hash"/>, as the new head. It is called
    /// while the append still holds the log's lock, so heads arrive in sequence order. A throw fails the append, and
    /// with it the signing: a signature whose head cannot be recorded is not published.
    /// </summary>
    void Record(AuditEntry entry, string hash);
}
