using Fedmd.Metadata.Failures;

namespace Fedmd.Publisher.Targets;

/// <summary>
/// Ends a publication that some target did not take as an infrastructure failure (exit 3), so cron and monitoring see
/// it, with one line naming what was published where and why each failed target failed.
/// </summary>
public static class IncompletePublication
{
    /// <summary>Returns when every target took the publication.</summary>
    /// <exception cref="FedmdException">A target failed after its retries (exit 3); the others keep what they took.</exception>
    public static void ThrowIfAnyFailed(IReadOnlyList<TargetOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.All(o => o.Succeeded))
        {
            return;
        }

        throw new FedmdException(FailureKind.Infrastructure, "publication incomplete: " + string.Join("; ", outcomes.Select(Describe)));
    }

    private static string Describe(TargetOutcome outcome) =>
        outcome.Succeeded ? $"{outcome.Target}: published"
        : outcome.Failure!.StartsWith(outcome.Target + ": ", StringComparison.Ordinal) ? outcome.Failure
        : $"{outcome.Target}: failed: {outcome.Failure}";
}
