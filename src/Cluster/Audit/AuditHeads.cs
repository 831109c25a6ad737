using Fedmd.Cluster.Database;
using Fedmd.Metadata.Failures;
using Npgsql;

namespace Fedmd.Cluster.Audit;

/// <summary>Each node's audit chain head in PostgreSQL: written on every append to the node's audit log, read by <c>fedmd audit verify</c> and <c>fedmd db status</c>.</summary>
public sealed class AuditHeads(ClusterDatabase database)
{
    /// <summary>Records this node's new head. The head only moves forward: a sequence at or below the recorded one means lines were removed from the log.</summary>
    /// <param name="sequence">The appended line's sequence number.</param>
    /// <param name="hash">The appended line's hash.</param>
    /// <param name="time">The appended line's time.</param>
    /// <param name="logPath">The audit log, named in the failure.</param>
    /// <exception cref="FedmdException">The recorded head is already at or beyond <paramref name="sequence"/> (exit 1), or PostgreSQL failed.</exception>
    public void Record(long sequence, string hash, DateTimeOffset time, string logPath)
    {
        var updated = database.Run(connection =>
        {
            using var upsert = new NpgsqlCommand(
                """
                INSERT INTO fedmd_audit_head (node, sequence, hash, recorded_at) VALUES (@node, @sequence, @hash, @time)
                ON CONFLICT (node) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash, recorded_at = excluded.recorded_at
                WHERE fedmd_audit_head.sequence < excluded.sequence
                """, connection);
            upsert.Parameters.AddWithValue("node", database.NodeName);
            upsert.Parameters.AddWithValue("sequence", sequence);
            upsert.Parameters.AddWithValue("hash", hash);
            upsert.Parameters.AddWithValue("time", time.UtcDateTime);
            return upsert.ExecuteNonQuery();
        });
        if (updated != 1)
        {
            var recorded = Of(database.NodeName);
            throw new FedmdException(FailureKind.InvalidDocument,
                $"audit log {logPath} reached sequence {sequence}, but PostgreSQL {database.Server} records node {database.NodeName}'s audit head at sequence {recorded?.Sequence}: lines were removed from the log; restore it from the backup (fedmd audit verify shows the gap)");
        }
    }

    /// <summary>The head recorded for <paramref name="node"/>; null when that node never appended in a cluster.</summary>
    public AuditHead? Of(string node) => List().FirstOrDefault(h => string.Equals(h.Node, node, StringComparison.Ordinal));

    /// <summary>Every node's head, by node name.</summary>
    public IReadOnlyList<AuditHead> List() => database.Run(connection =>
    {
        using var select = new NpgsqlCommand("SELECT node, sequence, hash, recorded_at FROM fedmd_audit_head ORDER BY node", connection);
        using var reader = select.ExecuteReader();
        var heads = new List<AuditHead>();
        while (reader.Read())
        {
            heads.Add(new AuditHead(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero)));
        }

        return (IReadOnlyList<AuditHead>)heads;
    });
}
