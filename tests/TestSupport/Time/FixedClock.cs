namespace Fedmd.TestSupport.Time;

/// <summary>A clock stopped at one instant: to verify old real-world documents as of their time, or to let a kept copy expire.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
