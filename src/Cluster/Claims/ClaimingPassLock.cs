using Fedmd.Metadata.Failures;
using Fedmd.Pass.State;

namespace Fedmd.Cluster.Claims;

/// <summary>
/// The clustered pass lock: the node's own lock (its token has one session) and then the claim of the pass's fire
/// time across nodes. A pass that cannot claim publishes nothing.
/// </summary>
/// <param name="local">The node's own pass lock.</param>
/// <param name="claims">The claims in PostgreSQL.</param>
/// <param name="fence">Where the held claim is kept for the state writes.</param>
/// <param name="fireTime">The fire time the pass starting now runs for.</param>
public sealed class ClaimingPassLock(IPassLock local, FireClaims claims, ClaimFence fence, Func<DateTimeOffset> fireTime) : IPassLock
{
    /// <inheritdoc />
    public IDisposable Acquire()
    {
        var held = local.Acquire();
        try
        {
            var claim = claims.Claim(fireTime());
            return new Held(held, fence.Hold(claim), claims, claim);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private sealed class Held(IDisposable local, IDisposable fenced, FireClaims claims, FireClaim claim) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                claims.Finish(claim);
            }
            catch (FedmdException)
            {
                // Only fedmd db status reads finished_at; an unfinished claim blocks nothing, so an outage here must
                // not turn a published pass into a failed one.
            }
            finally
            {
                fenced.Dispose();
                local.Dispose();
            }
        }
    }
}
