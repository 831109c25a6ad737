namespace Fedmd.Publisher.Retries;

/// <summary>Waits between retries; tests replace it so that backoff costs no time.</summary>
public interface IPause
{
    /// <summary>Waits for <paramref name="delay"/>.</summary>
    Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken);
}
