using Fedmd.Metadata.Failures;

namespace Fedmd.Metadata.Files;

/// <summary>
/// Turns the write errors an operator can act on (a full or read-only file system) into one line naming the path and
/// the fix (exit 3), so every writer of published or state files says the same thing.
/// </summary>
public static class WriteFailure
{
    /// <summary>A write of bytes to a path (a span cannot be captured by a lambda, so it is passed through).</summary>
    public delegate void ContentWrite(string path, ReadOnlySpan<byte> content);

    // errno values .NET reports as the IOException's HResult on Linux.
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> with <paramref name="write"/>.</summary>
    /// <exception cref="FedmdException">The disk is full or read-only (exit 3).</exception>
    public static void Explained(string path, ReadOnlySpan<byte> content, ContentWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            write(path, content);
        }
        catch (IOException e) when (e.HResult is NoSpace or QuotaExceeded)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"{path} cannot be written: disk full (or over quota); free space on its file system and run again", e);
        }
        catch (IOException e) when (e.HResult is ReadOnlyFileSystem)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"{path} cannot be written: its file system is read-only; remount it read-write or configure a writable directory", e);
        }
    }
}
