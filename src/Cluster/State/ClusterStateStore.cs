using System.Globalization;
using System.Text;
using System.Text.Json;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Reporting;
using Fedmd.Cluster.Claims;
using Fedmd.Cluster.Database;
using Fedmd.Pass.State;
using Npgsql;

namespace Fedmd.Cluster.State;

/// <summary>
/// The state the nodes share, in PostgreSQL: the ledger (rows only ever added), the drop guard's baseline, the last
/// successful pass and the last pass's record. A write made under a claim is refused when a later claim exists: a
/// pass overtaken by another node's (it ran past the next fire time) cannot write over what that node wrote, and
/// publishes nothing.
/// </summary>
public sealed class ClusterStateStore(ClusterDatabase database, ClaimFence fence)
    : ILedgerStore, IBaselineStore, ILastPassStore, IPassRecordStore
{
    private const string BaselineDocument = "baseline";
    private const string LastPassDocument = "last-successful-pass";
    private const string PassRecordDocument = "pass-record";

    private static readonly JsonSerializerOptions RecordJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <inheritdoc />
    RegistrationLedger ILedgerStore.Read() => database.Run(connection =>
    {
        using var select = new NpgsqlCommand("SELECT entity_id, registered_at FROM fedmd_ledger", connection);
        using var reader = select.ExecuteReader();
        var entries = new List<KeyValuePair<string, DateTimeOffset>>();
        while (reader.Read())
        {
            entries.Add(KeyValuePair.Create(reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
        }

        return RegistrationLedger.Of(entries);
    });

    /// <inheritdoc />
    public void Write(RegistrationLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        database.InTransaction((connection, transaction) =>
        {
            RequireNotOvertaken(connection, transaction);
            // Only new entityIDs are added: an entry already there keeps its first-seen instant, whoever wrote it.
            using var insert = new NpgsqlCommand(
                "INSERT INTO fedmd_ledger (entity_id, registered_at) SELECT * FROM unnest(@ids, @instants) ON CONFLICT (entity_id) DO NOTHING",
                connection, transaction);
            insert.Parameters.AddWithValue("ids", ledger.Entries.Keys.ToArray());
            insert.Parameters.AddWithValue("instants", ledger.Entries.Values.Select(v => v.UtcDateTime).ToArray());
            return insert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    RunReport? IBaselineStore.Read() =>
        ReadDocument(BaselineDocument) is { } content ? ReportJson.Parse(content, $"the baseline in PostgreSQL {database.Server}") : null;

    /// <inheritdoc />
    void IBaselineStore.Write(RunReport report) => WriteDocument(BaselineDocument, ReportJson.ToBytes(report));

    /// <inheritdoc />
    DateTimeOffset? ILastPassStore.Read() =>
        ReadDocument(LastPassDocument) is { } content &&
        DateTimeOffset.TryParse(Encoding.UTF8.GetString(content), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : null;

    /// <inheritdoc />
    public void Write(DateTimeOffset instant) =>
        WriteDocument(LastPassDocument, Encoding.UTF8.GetBytes(instant.ToString("O", CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public PassRecord? ReadRecord()
    {
        var content = ReadDocument(PassRecordDocument);
        try
        {
            return content is null ? null : JsonSerializer.Deserialize<PassRecord>(content, RecordJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void WriteRecord(PassRecord record) => WriteDocument(PassRecordDocument, JsonSerializer.SerializeToUtf8Bytes(record, RecordJson));

    /// <summary>The named document's content, or null when none was written.</summary>
    internal byte[]? ReadDocument(string name) => database.Run(connection =>
    {
        using var select = new NpgsqlCommand("SELECT content FROM fedmd_document WHERE name = @name", connection);
        select.Parameters.AddWithValue("name", name);
        return select.ExecuteScalar() as byte[];
    });

    /// <summary>Replaces the named document; under a claim, refused when a later claim exists.</summary>
    internal void WriteDocument(string name, byte[] content) => database.InTransaction((connection, transaction) =>
    {
        RequireNotOvertaken(connection, transaction);
        using var upsert = new NpgsqlCommand(
            """
            INSERT INTO fedmd_document (name, content, generation, written_by) VALUES (@name, @content, @generation, @node)
            ON CONFLICT (name) DO UPDATE SET content = excluded.content, generation = excluded.generation,
                written_by = excluded.written_by, written_at = now()
            """, connection, transaction);
        upsert.Parameters.AddWithValue("name", name);
        upsert.Parameters.AddWithValue("content", content);
        upsert.Parameters.AddWithValue("generation", fence.Held?.Generation ?? 0L);
        upsert.Parameters.AddWithValue("node", database.NodeName);
        return upsert.ExecuteNonQuery();
    });

    // Outside a pass (the record written after it) there is no claim to fence.
    private void RequireNotOvertaken(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (fence.Held is not { } claim)
        {
            return;
        }

        using var later = new NpgsqlCommand(
            "SELECT node FROM fedmd_claim WHERE generation > @generation ORDER BY generation DESC LIMIT 1", connection, transaction);
        later.Parameters.AddWithValue("generation", claim.Generation);
        if (later.ExecuteScalar() is string node)
        {
            throw new PassNotClaimedException(
                $"node {node} claimed a later fire time while this pass (fire time {claim.FireTime:O}) ran; this pass publishes nothing and leaves the shared state to that node");
        }
    }
}
