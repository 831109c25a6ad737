namespace Fedmd.Signer.Recovery;

/// <summary>How long to wait before a retry; replaceable so that tests need not sleep.</summary>
public interface IBackoff
{
    /// <summary>Waits before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    void Wait(int retry);
}
