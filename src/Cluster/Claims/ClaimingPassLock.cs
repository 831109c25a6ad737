using Fedmd.Cluster.State;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.State;

namespace Fedmd.Cluster.Claims;

/// <summary>
/// The clustered pass lock: the node's own lock (its token has one session) and then the claim of the pass's fire
/// time across nodes, with the sources' shared last good copies brought in. A pass that cannot claim publishes nothing.
/// </summary>
/// <param name="local">The node's own pass lock.</param>
/// <param name="claims">The claims in PostgreSQL.</param>
/// <param name="fence">Where the held claim is kept for the state writes.</param>
/// <param name="sources">The sources' last good copies, restored after the claim and shared when the pass ends.</param>
/// <param name="fireTime">The fire time the pass starting now runs for.</param>
public sealed class ClaimingPassLock(IPassLock local, FireClaims claims, ClaimFence fence, SharedSourceCopies sources, Func<DateTimeOffset> fireTime) : IPassLock
{
    /// <inheritdoc />
    public IDisposable Acquire()
    {
        var held = local.Acquire();
        IDisposable? fenced = null;
        try
        {
            var claim = claims.Claim(fireTime());
            fenced = fence.Hold(claim);
            sources.Restore();
            return new Held(held, fenced, claims, sources, claim);
        }
        catch
        {
            fenced?.Dispose();
            held.Dispose();
            throw;
        }
    }

    private sealed class Held(IDisposable local, IDisposable fenced, FireClaims claims, SharedSourceCopies sources, FireClaim claim) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                sources.Share();
                claims.Finish(claim);
            }
            catch (Exception e) when (e is FedmdException or PassNotClaimedException)
            {
                // The pass has ended: an outage or a later claim now costs only the shared copy (the next pass
                // fetches again) and finished_at (only fedmd db status reads it); neither may fail the pass.
            }
            finally
            {
                fenced.Dispose();
                local.Dispose();
            }
        }
    }
}
