using Fedmd.Pass.State;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The state one pass reads and writes: on one node all of it in the state directory, in a cluster the lock, ledger,
/// baseline and records in PostgreSQL. The node's own files (metrics, PIN latch, audit log, sources) stay in
/// <see cref="Files"/> either way.
/// </summary>
/// <param name="Files">The state directory.</param>
/// <param name="Lock">The pass lock (in a cluster, the node's lock and then the fire time's claim).</param>
/// <param name="Ledger">The registration ledger.</param>
/// <param name="Baseline">The drop guard's baseline.</param>
/// <param name="LastPass">The last successful scheduled pass.</param>
/// <param name="Records">How the last pass ended.</param>
internal sealed record PassState(
    FileStateStore Files, IPassLock Lock, ILedgerStore Ledger, IBaselineStore Baseline, ILastPassStore LastPass, IPassRecordStore Records);
