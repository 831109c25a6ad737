namespace Fedmd.Signer.Recovery;

/// <summary>
/// Doubles the wait from <paramref name="first"/> on each retry, never beyond <paramref name="longest"/>: a USB
/// reset or an HSM restart takes seconds, and a smartcard HSM must not be hammered while it comes back.
/// </summary>
public sealed class ExponentialBackoff(TimeSpan first, TimeSpan longest) : IBackoff
{
    /// <summary>The wait before retry <paramref name="retry"/>.</summary>
    public TimeSpan DelayFor(int retry)
    {
        var factor = Math.Pow(2, Math.Clamp(retry - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, longest.Ticks));
    }

    /// <inheritdoc />
    public void Wait(int retry) => Thread.Sleep(DelayFor(retry));
}
