namespace Fedmd.Cluster.Audit;

/// <summary>A node's audit chain head as PostgreSQL holds it.</summary>
/// <param name="Node">The node whose audit log it is.</param>
/// <param name="Sequence">The last line's sequence number.</param>
/// <param name="Hash">The last line's hash.</param>
/// <param name="RecordedAt">The last line's time.</param>
public sealed record AuditHead(string Node, long Sequence, string Hash, DateTimeOffset RecordedAt);
