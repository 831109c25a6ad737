namespace Fedmd.Tests.Cluster.Support;

/// <summary>A database's service role: the connection string a node configures and the password its file holds.</summary>
public sealed record ServiceRole(string ConnectionString, string Password);
