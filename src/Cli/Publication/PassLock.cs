using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Publication;

/// <summary>
/// Keeps two passes from running at once (the service and an operator's <c>run --once</c>, say): they would race on
/// the ledger, the history and the token's single session. An exclusive lock on a file in the state directory,
/// released when the pass ends or its process dies.
/// </summary>
public sealed class PassLock : IDisposable
{
    /// <summary>Name of the lock file in the state directory.</summary>
    public const string FileName = "pass.lock";

    private readonly FileStream _lock;

    private PassLock(FileStream @lock) => _lock = @lock;

    /// <summary>Takes the lock, or fails at once when another pass holds it.</summary>
    /// <exception cref="FedmdException">Another pass is running (exit 3).</exception>
    public static PassLock Acquire(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        try
        {
            return new PassLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"another pass is running (it holds {path}); wait for it to finish, nothing was published by this one", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
