namespace Fedmd.Publisher.Retries;

/// <summary>
/// How often and how patiently a failing push is retried: <see cref="Attempts"/> tries in all, the pause doubling
/// from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>, so a run never waits unboundedly on a dead mirror.
/// </summary>
/// <param name="Attempts">Tries in all, at least 1.</param>
/// <param name="FirstDelay">The pause after the first failure.</param>
/// <param name="MaxDelay">The longest pause.</param>
public sealed record BackoffPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>The pause after failed attempt number <paramref name="failedAttempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int failedAttempt)
    {
        var delay = FirstDelay;
        for (var i = 1; i < failedAttempt && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }
}
