namespace Fedmd.Cluster.Claims;

/// <summary>
/// The claim this process's running pass holds, so that the state it writes is fenced by the claim's generation.
/// One per process, set by <see cref="ClaimingPassLock"/> under the node's own pass lock, so never two at once.
/// </summary>
public sealed class ClaimFence
{
    private FireClaim? _held;

    /// <summary>The held claim, or null between passes.</summary>
    public FireClaim? Held => Volatile.Read(ref _held);

    /// <summary>Holds <paramref name="claim"/> until the returned handle is disposed.</summary>
    internal IDisposable Hold(FireClaim claim)
    {
        Volatile.Write(ref _held, claim);
        return new Release(this);
    }

    private sealed class Release(ClaimFence fence) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref fence._held, null);
    }
}
