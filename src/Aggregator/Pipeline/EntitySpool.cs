using Microsoft.Win32.SafeHandles;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// One pass's entity bytes kept on disk instead of in memory, so that a pass's memory does not grow with the
/// registry: an append-only temporary file in the given directory (the state directory), readable by its owner alone,
/// unlinked as soon as it is open so that not even a killed process leaves it behind. Items keep only where their
/// bytes lie. Appends may come from every core at once (judging runs in parallel); reads are positional.
/// </summary>
public sealed class EntitySpool : IDisposable
{
    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly Lock _reserve = new();
    private long _end;

    private EntitySpool(FileStream file)
    {
        _file = file;
        _handle = file.SafeFileHandle;
    }

    /// <summary>Opens a new, empty spool in <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">The directory cannot hold the spool (missing, read-only, full).</exception>
    public static EntitySpool Create(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var path = Path.Combine(directory, $".entity-spool-{Guid.NewGuid():N}");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var file = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // The open handle keeps the content; the name goes now rather than at the end of the pass.
            File.Delete(path);
        }

        return new EntitySpool(file);
    }

    /// <summary>How many bytes the spool holds, every version of every entity appended so far.</summary>
    public long Length => Interlocked.Read(ref _end);

    /// <summary>Appends <paramref name="bytes"/> and returns where they start.</summary>
    internal long Append(ReadOnlySpan<byte> bytes)
    {
        long offset;
        lock (_reserve)
        {
            offset = _end;
            _end += bytes.Length;
        }

        // Each writer owns its reserved range, so the writes themselves need no lock.
        RandomAccess.Write(_handle, bytes, offset);
        return offset;
    }

    /// <summary>Reads back <paramref name="length"/> bytes appended at <paramref name="offset"/>.</summary>
    internal byte[] Read(long offset, int length)
    {
        var bytes = new byte[length];
        var done = 0;
        while (done < length)
        {
            var read = RandomAccess.Read(_handle, bytes.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw new IOException($"the entity spool ended {length - done} bytes early; was the state directory's disk changed during the pass?");
            }

            done += read;
        }

        return bytes;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
