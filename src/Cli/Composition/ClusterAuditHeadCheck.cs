using Fedmd.Cli.Configuration;
using Fedmd.Cluster.Audit;
using Fedmd.Signer.Audit;

namespace Fedmd.Cli.Composition;

/// <summary>
/// Compares the audit log's last line with this node's head in PostgreSQL. The head file beside the log lives on
/// the same disk and can be removed with the lines it would betray; the database's copy cannot.
/// </summary>
internal static class ClusterAuditHeadCheck
{
    /// <summary>One line naming the node and both heads when they differ; none when they agree or no cluster is configured.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">PostgreSQL is unreachable (exit 3) or holds no fedmd schema (exit 2).</exception>
    public static IReadOnlyList<string> Problems(FedmdOptions options, AuditLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        using var database = ClusterComponents.Open(options);
        if (database is null)
        {
            return [];
        }

        var recorded = new AuditHeads(database).Of(database.NodeName);
        var (sequence, hash) = log.LastLine();
        if (recorded is null)
        {
            return sequence == 0
                ? []
                : [$"{log.Path} ends at sequence {sequence}, but PostgreSQL {database.Server} holds no audit head for node {database.NodeName}: the log's lines were never recorded in the cluster (written before it, or under another Cluster:NodeName)"];
        }

        return recorded.Sequence == sequence && string.Equals(recorded.Hash, hash, StringComparison.Ordinal)
            ? []
            : [$"{log.Path} ends at sequence {sequence} (hash {hash}), but PostgreSQL {database.Server} records node {database.NodeName}'s audit head at sequence {recorded.Sequence} (hash {recorded.Hash}, {recorded.RecordedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}): lines were removed from the end, or the log was replaced; keep both as evidence and restore the log from the backup"];
    }
}
