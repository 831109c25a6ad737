using Fedmd.Cluster.Database;
using Npgsql;

namespace Fedmd.Cluster.Nodes;

/// <summary>Each running service's heartbeat, for the operator; the claims never depend on it.</summary>
public sealed class NodeCheckIns(ClusterDatabase database)
{
    /// <summary>Records that this node, running <paramref name="version"/>, is alive now.</summary>
    public void CheckIn(string version) => database.Run(connection =>
    {
        using var upsert = new NpgsqlCommand(
            """
            INSERT INTO fedmd_node (name, last_check_in, version) VALUES (@name, now(), @version)
            ON CONFLICT (name) DO UPDATE SET last_check_in = now(), version = excluded.version
            """, connection);
        upsert.Parameters.AddWithValue("name", database.NodeName);
        upsert.Parameters.AddWithValue("version", version);
        return upsert.ExecuteNonQuery();
    });

    /// <summary>Every node that ever checked in, by name.</summary>
    public IReadOnlyList<NodeCheckIn> List() => database.Run(connection =>
    {
        using var select = new NpgsqlCommand("SELECT name, last_check_in, version FROM fedmd_node ORDER BY name", connection);
        using var reader = select.ExecuteReader();
        var nodes = new List<NodeCheckIn>();
        while (reader.Read())
        {
            nodes.Add(new NodeCheckIn(reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetString(2)));
        }

        return (IReadOnlyList<NodeCheckIn>)nodes;
    });
}
