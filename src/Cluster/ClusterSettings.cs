namespace Fedmd.Cluster;

/// <summary>The <c>Cluster</c> section as the library needs it, checked at the edge.</summary>
/// <param name="ConnectionString">An Npgsql connection string without a password.</param>
/// <param name="PasswordFile">The file holding the role's password (mode 600), or null when PostgreSQL needs none.</param>
/// <param name="NodeName">This node's name in claims and check-ins.</param>
public sealed record ClusterSettings(string ConnectionString, string? PasswordFile, string NodeName);
