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

    private static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.fedmd-tmp");
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = WorldReadable;
            }

            using (var stream = new FileStream(temporary, create))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The creation mode is filtered by the umask; published files must be readable by the web server.
                File.SetUnixFileMode(temporary, WorldReadable);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
