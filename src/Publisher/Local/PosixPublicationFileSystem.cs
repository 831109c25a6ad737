using System.ComponentModel;
using System.Runtime.InteropServices;
using Fedmd.Metadata.Files;
using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Local;

/// <summary>
/// The publication's file-system steps on Linux. rename(2), renameat2(2), link(2) and fsync(2) on a directory have no .NET
/// API that guarantees them (.NET refuses to open a directory as a file handle, and <c>File.Move</c> may stat what a
/// link points to), so they are called in libc directly.
/// </summary>
internal sealed partial class PosixPublicationFileSystem : IPublicationFileSystem
{
    private const UnixFileMode WorldReadable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const int AtWorkingDirectory = -100;
    private const uint RenameExchange = 2;
    private const int OpenReadOnlyCloseOnExec = 0x80000;

    /// <inheritdoc />
    public void WriteNewFile(string path, FileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the web root's publication needs POSIX file modes and rename(2)");
        }

        // The content is streamed, never passed as one span: a feed may be larger than the pass holds in memory.
        WriteFailure.Explained(path, [], (target, _) => WriteAndFlush(target, content));

        // The creation mode is filtered by the umask; published files must be readable by the web server.
        File.SetUnixFileMode(path, WorldReadable);
    }

    private static void WriteAndFlush(string path, FileContent content)
    {
        // A file the pass wrote gets a second name instead of a copy (a feed can be a gigabyte, published to the web
        // root and the history): the same bytes, flushed to disk. On another file system, or where the link is
        // refused, and for content in memory, the bytes are copied.
        if (content.FilePath is { } written && NativeLink(written, path) == 0)
        {
            FlushToDisk(path);
            return;
        }

        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = WorldReadable;
        }

        using var stream = new FileStream(path, create);
        using (var source = content.OpenRead())
        {
            source.CopyTo(stream, 1 << 20);
        }

        stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    /// <inheritdoc />
    public void CreateSymbolicLink(string path, string target) => File.CreateSymbolicLink(path, target);

    /// <inheritdoc />
    public void Rename(string source, string destination) => Check(NativeRename(source, destination), $"rename {source} to {destination}");

    /// <inheritdoc />
    public void Exchange(string first, string second) =>
        Check(NativeRenameAt2(AtWorkingDirectory, first, AtWorkingDirectory, second, RenameExchange), $"exchange {first} and {second}");

    /// <inheritdoc />
    public void SyncDirectory(string path) => FlushToDisk(path);

    // fsync(2) through a read-only descriptor: works for a directory, which .NET will not open, and for a file.
    private static void FlushToDisk(string path)
    {
        var descriptor = NativeOpen(path, OpenReadOnlyCloseOnExec);
        Check(descriptor, $"open {path}");
        try
        {
            Check(NativeFsync(descriptor), $"fsync {path}");
        }
        finally
        {
            _ = NativeClose(descriptor);
        }
    }

    /// <inheritdoc />
    public void Delete(string path)
    {
        var entry = new FileInfo(path);
        if (entry.LinkTarget is not null || File.Exists(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static void Check(int result, string what)
    {
        if (result < 0)
        {
            throw new IOException($"cannot {what}: {new Win32Exception(Marshal.GetLastPInvokeError()).Message}");
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeRename(string source, string destination);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeRenameAt2(int sourceDirectory, string source, int destinationDirectory, string destination, uint flags);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeLink(string existing, string created);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int NativeFsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int NativeClose(int descriptor);
}
