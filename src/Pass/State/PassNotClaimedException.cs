namespace Fedmd.Pass.State;

/// <summary>
/// Thrown in a cluster when another node holds the pass's fire time (by <see cref="IPassLock"/>), or claimed a later one
/// while this pass ran (by the state writes, before anything is published): not a failure, this node simply has
/// nothing to publish for that fire time. The message says which node holds the claim.
/// </summary>
public sealed class PassNotClaimedException(string message) : Exception(message);
