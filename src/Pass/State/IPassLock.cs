namespace Fedmd.Pass.State;

/// <summary>
/// Keeps two passes from running at once (the service and an operator's <c>run --once</c>, say): they would race on
/// the ledger, the history and the token's single session.
/// </summary>
public interface IPassLock
{
    /// <summary>Takes the lock until the returned handle is disposed, or fails at once when another pass holds it.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">Another pass is running (exit 3).</exception>
    IDisposable Acquire();
}
