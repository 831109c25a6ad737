namespace Fedmd.Pass.State;

/// <summary>
/// How the last pass ended, whichever command ran it, for <c>fedmd status</c> and the metrics file. A failed pass
/// carries the last success forward, so the age of the last good publication survives any number of failures.
/// </summary>
/// <param name="StartedAt">When the pass started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="ExitCode">fedmd's exit code for the pass: 0 published, 1 refused, 2 configuration, 3 infrastructure.</param>
/// <param name="Failure">The one-line failure, or null when the pass published.</param>
/// <param name="LastSuccessAt">When a pass last published, this one included; null when none ever did.</param>
public sealed record PassRecord(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int ExitCode, string? Failure, DateTimeOffset? LastSuccessAt)
{
    /// <summary>Whether the pass published.</summary>
    public bool Succeeded => ExitCode == 0;
}
