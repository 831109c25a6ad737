using Fedmd.Publisher.Retries;

namespace Fedmd.Tests.Publisher.Support;

/// <summary>A pause that returns at once and records how long it was asked to wait.</summary>
public sealed class RecordingPause : IPause
{
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays => _delays;

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_delays)
        {
            _delays.Add(delay);
        }

        return Task.CompletedTask;
    }
}
