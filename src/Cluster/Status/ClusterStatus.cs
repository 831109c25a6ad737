using Fedmd.Cluster.Database;
using Fedmd.Cluster.Nodes;
using Fedmd.Cluster.Schema;
using Npgsql;

namespace Fedmd.Cluster.Status;

/// <summary>What <c>fedmd db status</c> reports: the schema version, the nodes and the latest claims.</summary>
public sealed class ClusterStatus(ClusterDatabase database)
{
    /// <summary>The schema version (0 before <c>fedmd db init</c>).</summary>
    public int SchemaVersion() => new ClusterSchema(database).Version();

    /// <summary>The nodes and their last check-in.</summary>
    public IReadOnlyList<NodeCheckIn> Nodes() => new NodeCheckIns(database).List();

    /// <summary>The <paramref name="count"/> latest claims, newest first.</summary>
    public IReadOnlyList<ClaimRecord> LatestClaims(int count) => database.Run(connection =>
    {
        using var select = new NpgsqlCommand(
            "SELECT generation, fire_time, node, claimed_at, finished_at FROM fedmd_claim ORDER BY generation DESC LIMIT @count", connection);
        select.Parameters.AddWithValue("count", count);
        using var reader = select.ExecuteReader();
        var claims = new List<ClaimRecord>();
        while (reader.Read())
        {
            claims.Add(new ClaimRecord(
                reader.GetInt64(0), Utc(reader.GetDateTime(1)), reader.GetString(2), Utc(reader.GetDateTime(3)),
                reader.IsDBNull(4) ? null : Utc(reader.GetDateTime(4))));
        }

        return (IReadOnlyList<ClaimRecord>)claims;
    });

    private static DateTimeOffset Utc(DateTime value) => new(value, TimeSpan.Zero);
}
