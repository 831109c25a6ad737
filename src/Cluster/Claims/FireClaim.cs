namespace Fedmd.Cluster.Claims;

/// <summary>A fire time this node claimed: only the pass holding it may publish for that time.</summary>
/// <param name="Generation">The claim's place in the order of all claims; a later claim fences this one off.</param>
/// <param name="FireTime">The scheduled fire time (or a manual pass's start).</param>
/// <param name="Node">The node that claimed it.</param>
public sealed record FireClaim(long Generation, DateTimeOffset FireTime, string Node);
