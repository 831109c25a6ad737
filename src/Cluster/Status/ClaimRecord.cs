namespace Fedmd.Cluster.Status;

/// <summary>A claimed fire time as <c>fedmd db status</c> shows it.</summary>
/// <param name="Generation">The claim's generation.</param>
/// <param name="FireTime">The fire time.</param>
/// <param name="Node">The node that ran it.</param>
/// <param name="ClaimedAt">When it was claimed.</param>
/// <param name="FinishedAt">When its pass ended; null while it runs or when its node died mid-pass.</param>
public sealed record ClaimRecord(long Generation, DateTimeOffset FireTime, string Node, DateTimeOffset ClaimedAt, DateTimeOffset? FinishedAt);
