using Fedmd.Cluster.Database;
using Npgsql;

namespace Fedmd.Cluster.Schema;

/// <summary><c>fedmd db init</c> and the schema version <c>fedmd db status</c> shows.</summary>
public sealed class ClusterSchema(ClusterDatabase database)
{
    // Any constant shared by every fedmd; it keeps two concurrent db init runs from applying a step twice.
    private const long InitLockKey = 0x666564_6D64_0001;

    /// <summary>The version this build needs.</summary>
    public static int RequiredVersion => SchemaMigrations.Current;

    /// <summary>Creates or upgrades the tables; running it again changes nothing. Returns the versions applied now.</summary>
    public IReadOnlyList<int> Initialize() => database.InTransaction((connection, transaction) =>
    {
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({InitLockKey})");
        Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS fedmd_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        var current = CurrentVersion(connection, transaction);
        var applied = new List<int>();
        for (var version = current + 1; version <= SchemaMigrations.Current; version++)
        {
            Execute(connection, transaction, SchemaMigrations.Steps[version - 1]);
            Execute(connection, transaction, $"INSERT INTO fedmd_schema_version (version) VALUES ({version})");
            applied.Add(version);
        }

        return (IReadOnlyList<int>)applied;
    });

    /// <summary>The database's schema version; 0 when <c>fedmd db init</c> never ran.</summary>
    public int Version() => database.Run(connection =>
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('fedmd_schema_version') IS NOT NULL", connection);
        return (bool)exists.ExecuteScalar()! ? CurrentVersion(connection, null) : 0;
    });

    private static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM fedmd_schema_version", connection, transaction);
        return (int)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
