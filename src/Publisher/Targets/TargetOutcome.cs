namespace Fedmd.Publisher.Targets;

/// <summary>What happened at one target during a run.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Succeeded">Whether the target holds the new, verified publication.</param>
/// <param name="Failure">Why not, when it failed.</param>
public sealed record TargetOutcome(string Target, bool Succeeded, string? Failure)
{
    /// <summary>A target that took the publication.</summary>
    public static TargetOutcome Published(string target) => new(target, true, null);

    /// <summary>A target that did not.</summary>
    public static TargetOutcome Failed(string target, string failure) => new(target, false, failure);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"{Target}: published" : $"{Target}: FAILED: {Failure}";
}
