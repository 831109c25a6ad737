namespace Fedmd.Cluster.Nodes;

/// <summary>A node as <c>fedmd db status</c> lists it.</summary>
/// <param name="Name">The node's <c>Cluster:NodeName</c>.</param>
/// <param name="LastCheckIn">When its service last checked in.</param>
/// <param name="Version">The fedmd version it runs.</param>
public sealed record NodeCheckIn(string Name, DateTimeOffset LastCheckIn, string Version);
