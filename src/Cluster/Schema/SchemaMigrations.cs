namespace Fedmd.Cluster.Schema;

/// <summary>
/// fedmd's tables, one step per schema version; a step is never edited once released, a change is a new step. Each
/// node schedules in memory, so there are no Quartz tables: the claim table alone decides which node runs a fire time.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>The steps in version order; index + 1 is the version each brings the schema to.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE fedmd_node (
            name text PRIMARY KEY,
            last_check_in timestamptz NOT NULL,
            version text NOT NULL
        );
        -- One row per scheduled fire time, ever: the unique fire time makes a second claim impossible, and the
        -- generation orders claims so that a pass overtaken by a later one cannot write over its state.
        CREATE TABLE fedmd_claim (
            generation bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            fire_time timestamptz NOT NULL UNIQUE,
            node text NOT NULL,
            claimed_at timestamptz NOT NULL DEFAULT now(),
            finished_at timestamptz
        );
        -- The registration ledger: rows are only ever added, so a first-seen instant cannot change.
        CREATE TABLE fedmd_ledger (
            entity_id text PRIMARY KEY,
            registered_at timestamptz NOT NULL
        );
        -- The drop guard's baseline, the last pass and its record, each one named document.
        CREATE TABLE fedmd_document (
            name text PRIMARY KEY,
            content bytea NOT NULL,
            generation bigint NOT NULL,
            written_by text NOT NULL,
            written_at timestamptz NOT NULL DEFAULT now()
        );
        """,
        """
        -- Each node's audit chain head (its audit log stays a file on the node): lines cut off the file's end show
        -- against it even when the head file beside the log was removed too.
        CREATE TABLE fedmd_audit_head (
            node text PRIMARY KEY,
            sequence bigint NOT NULL,
            hash text NOT NULL,
            recorded_at timestamptz NOT NULL
        );
        """,
    ];

    /// <summary>The version this build of fedmd needs.</summary>
    public static int Current => Steps.Count;
}
