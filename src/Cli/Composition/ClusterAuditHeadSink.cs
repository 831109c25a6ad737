using Fedmd.Cli.Configuration;
using Fedmd.Cluster.Audit;
using Fedmd.Signer.Audit;

namespace Fedmd.Cli.Composition;

/// <summary>
/// Records each audit append's head in PostgreSQL as this node's. The database is opened for each append and closed
/// after it: appends are a few an hour, and no signer or key command then has to own a connection pool.
/// </summary>
internal sealed class ClusterAuditHeadSink(FedmdOptions options, string logPath) : IAuditHeadSink
{
    /// <inheritdoc />
    public void Record(AuditEntry entry, string hash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var database = ClusterComponents.Open(options)!;
        new AuditHeads(database).Record(entry.Sequence, hash, entry.Time, logPath);
    }
}
