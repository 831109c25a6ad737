using Fedmd.Aggregator.Ledger;

namespace Fedmd.Pass.State;

/// <summary>The registration ledger: read at the start of a pass, written before its entities are published.</summary>
public interface ILedgerStore
{
    /// <summary>The ledger; empty when none was written yet.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">The stored ledger is unreadable (never silently reset).</exception>
    RegistrationLedger Read();

    /// <summary>Replaces the ledger atomically.</summary>
    void Write(RegistrationLedger ledger);
}
