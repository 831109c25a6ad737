using Fedmd.Cli.Configuration;
using Fedmd.Signer.Audit;

namespace Fedmd.Cli.Composition;

/// <summary>The audit log as configured: <c>Signing:AuditLog</c>, with each new head also recorded in PostgreSQL when a cluster is configured.</summary>
internal static class AuditComponents
{
    /// <summary>The node's audit log, for signings and key events alike, so the head in PostgreSQL follows every line.</summary>
    /// <param name="options">The configuration; its <c>Cluster</c> section decides whether heads go to PostgreSQL.</param>
    /// <param name="path">The log file: the state store's <c>AuditLogPath</c>.</param>
    public static AuditLog Log(FedmdOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AuditLog(path, options.Cluster.IsConfigured ? new ClusterAuditHeadSink(options, path) : null);
    }
}
