namespace Fedmd.Tests.Fetcher.Support;

/// <summary>A clock stopped at one instant, to verify old real-world documents as of their time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
