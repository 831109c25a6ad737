using Fedmd.Cli.Configuration;
using Fedmd.Cluster;
using Fedmd.Cluster.Database;

namespace Fedmd.Cli.Composition;

/// <summary>The shared database as configured by the <c>Cluster</c> section.</summary>
internal static class ClusterComponents
{
    /// <summary>The database, or null when no cluster is configured; nothing connects yet.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">Cluster:PasswordFile is missing or readable by others (exit 2).</exception>
    public static ClusterDatabase? Open(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = options.Cluster;
        return cluster.IsConfigured
            ? ClusterDatabase.Open(new ClusterSettings(cluster.ConnectionString, cluster.PasswordFile, cluster.EffectiveNodeName))
            : null;
    }
}
