namespace Fedmd.Publisher.Retries;

/// <summary>Waits on a clock (the system clock in production).</summary>
public sealed class ClockPause(TimeProvider clock) : IPause
{
    /// <inheritdoc />
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, clock, cancellationToken);
}
