namespace Fedmd.Pass.State;

/// <summary>
/// Thrown by a clustered <see cref="IPassLock"/> when another node holds the pass's fire time: not a failure, this
/// node simply has nothing to publish for it. The message says which node holds it.
/// </summary>
public sealed class PassNotClaimedException(string message) : Exception(message);
