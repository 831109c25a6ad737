using System.Security.Cryptography;

namespace Fedmd.Tests.Cluster.Support;

/// <summary>A database and role name of its own for each test, so that tests never see each other's claims.</summary>
internal static class TestDatabaseName
{
    /// <summary><paramref name="prefix"/> and a random suffix, lower case (an unquoted PostgreSQL identifier).</summary>
    public static string New(string prefix) => $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
