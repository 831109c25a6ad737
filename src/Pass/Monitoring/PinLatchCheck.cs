namespace Fedmd.Pass.Monitoring;

/// <summary>
/// Whether the signer latched a refused PIN (<c>pin-refused</c> in the state directory): while it is there no pass can
/// sign, so it is critical until the operator fixes the PIN and deletes the file.
/// </summary>
public sealed class PinLatchCheck(string latchPath) : IStatusCheck
{
    /// <inheritdoc />
    public Task<StatusLine> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(latchPath)
        ? new StatusLine("pin-latch", "pin-latch", StatusLevel.Critical,
            $"the token refused the PIN and signing is stopped ({latchPath}); fix the PIN, then delete that file")
        : new StatusLine("pin-latch", "pin-latch", StatusLevel.Ok, "no PIN refusal latched"));
}
