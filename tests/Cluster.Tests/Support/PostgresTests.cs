namespace Fedmd.Tests.Cluster.Support;

/// <summary>The cluster tests share one PostgreSQL server, each with a database of its own, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}
