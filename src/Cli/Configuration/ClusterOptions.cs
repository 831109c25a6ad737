namespace Fedmd.Cli.Configuration;

/// <summary>Two or more nodes sharing one PostgreSQL database (docs/cluster.md); unset, fedmd runs alone on file state.</summary>
internal sealed class ClusterOptions
{
    /// <summary>Npgsql connection string without a password; empty means no cluster.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>File holding the role's password (mode 600); never the password itself in the configuration.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>This node's name in claims and check-ins; the host name when unset.</summary>
    public string? NodeName { get; set; }

    /// <summary>Whether a cluster is configured.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(ConnectionString);

    /// <summary>The node name in use.</summary>
    public string EffectiveNodeName => string.IsNullOrEmpty(NodeName) ? Environment.MachineName : NodeName;
}
