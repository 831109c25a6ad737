namespace Fedmd.Tests.KeyLifecycle.Support;

/// <summary>A clock the test moves forward, so that days of a rollover pass in a moment.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
