using Fedmd.Metadata.Failures;

namespace Fedmd.Metadata.Files;

/// <summary>
/// Replaces a file so that a reader sees either the old or the new content, never a mix: write a temporary file in
/// the same directory, flush it to disk, then rename it over the target.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>The pattern of temporary names, so that files left by a killed run can be found and removed.</summary>
    public const string TemporaryPattern = ".*.fedmd-tmp";

    private const UnixFileMode WorldReadable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Atomically writes <paramref name="content"/> to <paramref name="path"/>, world-readable.</summary>
    /// <exception cref="FedmdException">The disk is full or read-only (exit 3); the temporary file is removed.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        WriteFailure.Explained(path, content, Replace);
    }

    /// <summary>
    /// Atomically writes what <paramref name="write"/> writes to the stream it is given (readable and seekable, so a
    /// writer can read back what it wrote), world-readable; the target is replaced only when it returns.
    /// </summary>
    /// <exception cref="FedmdException">The disk is full or read-only (exit 3); the temporary file is removed.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteFailure.Explained(path, ReadOnlySpan<byte>.Empty, (target, _) =>
        {
            var temporary = TemporaryBeside(target);
            try
            {
                using (var stream = CreateTemporary(temporary))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                Publish(temporary, target);
            }
            finally
            {
                File.Delete(temporary);
            }
        });
    }

    private static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temporary = TemporaryBeside(path);
        try
        {
            using (var stream = CreateTemporary(temporary))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            Publish(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string TemporaryBeside(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.fedmd-tmp");
    }

    private static FileStream CreateTemporary(string temporary)
    {
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = WorldReadable;
        }

        return new FileStream(temporary, create);
    }

    private static void Publish(string temporary, string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            // The creation mode is filtered by the umask; published files must be readable by the web server.
            File.SetUnixFileMode(temporary, WorldReadable);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
