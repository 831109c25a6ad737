using Fedmd.Cluster.Database;
using Fedmd.Pass.State;
using Npgsql;

namespace Fedmd.Cluster.Claims;

/// <summary>
/// Exactly one pass per fire time across nodes: a claim is a row whose fire time is unique, inserted in the same
/// transaction as a transaction-scoped advisory lock. Nothing outlives the transaction but the row, so a node killed
/// mid-pass leaves no lock, and its claim only covers its own fire time, never the next one.
/// </summary>
public sealed class FireClaims(ClusterDatabase database)
{
    // One key for every claim: two nodes claiming the same fire time never wait on each other; the loser sees
    // either the lock taken or the row present.
    private const long ClaimLockKey = 0x666564_6D64_0002;

    /// <summary>Claims <paramref name="fireTime"/> for this node.</summary>
    /// <exception cref="PassNotClaimedException">Another node claimed it (or is claiming it right now).</exception>
    /// <exception cref="Metadata.Failures.FedmdException">PostgreSQL is unreachable (exit 3) or has no schema (exit 2).</exception>
    public FireClaim Claim(DateTimeOffset fireTime)
    {
        var utc = fireTime.ToUniversalTime();
        var generation = database.InTransaction((connection, transaction) =>
        {
            using var locked = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({ClaimLockKey})", connection, transaction);
            if (!(bool)locked.ExecuteScalar()!)
            {
                return (long?)null;
            }

            using var insert = new NpgsqlCommand(
                "INSERT INTO fedmd_claim (fire_time, node) VALUES (@fire, @node) ON CONFLICT (fire_time) DO NOTHING RETURNING generation",
                connection, transaction);
            insert.Parameters.AddWithValue("fire", utc);
            insert.Parameters.AddWithValue("node", database.NodeName);
            return insert.ExecuteScalar() as long?;
        });
        if (generation is { } taken)
        {
            return new FireClaim(taken, utc, database.NodeName);
        }

        var holder = Holder(utc);
        throw new PassNotClaimedException(
            $"fire time {utc:O} is claimed by node {holder ?? "(another node, claiming now)"}; this node publishes nothing for it");
    }

    /// <summary>Marks <paramref name="claim"/>'s pass as ended (published or not), for <c>fedmd db status</c>.</summary>
    public void Finish(FireClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        database.Run(connection =>
        {
            using var update = new NpgsqlCommand("UPDATE fedmd_claim SET finished_at = now() WHERE generation = @generation", connection);
            update.Parameters.AddWithValue("generation", claim.Generation);
            return update.ExecuteNonQuery();
        });
    }

    private string? Holder(DateTimeOffset fireTime) => database.Run(connection =>
    {
        using var select = new NpgsqlCommand("SELECT node FROM fedmd_claim WHERE fire_time = @fire", connection);
        select.Parameters.AddWithValue("fire", fireTime);
        return select.ExecuteScalar() as string;
    });
}
