namespace Fedmd.Cluster.Database;

/// <summary>
/// PostgreSQL did not answer or refused the session: the reason a clustered node runs no pass. It is the inner
/// exception of the operator's one-line failure, so that the scheduler can tell an outage from a failed pass; its
/// message never carries the connection string or the password, and Npgsql's exception is never attached.
/// </summary>
public sealed class ClusterUnreachableException(string reason) : Exception(reason);
