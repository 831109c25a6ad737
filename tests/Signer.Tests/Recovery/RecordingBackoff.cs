using Fedmd.Signer.Recovery;

namespace Fedmd.Tests.Signer.Recovery;

/// <summary>A backoff that records the retries it was asked to wait for and returns at once.</summary>
internal sealed class RecordingBackoff : IBackoff
{
    public List<int> Waits { get; } = [];

    public void Wait(int retry) => Waits.Add(retry);
}
