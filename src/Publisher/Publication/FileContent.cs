namespace Fedmd.Publisher.Publication;

/// <summary>
/// What a published file holds: bytes in memory (pages, reports) or a file a pass wrote (a signed feed, which for a
/// large registry is more than a pass should hold in memory). Targets read it as a stream, so neither form is ever
/// copied whole into memory by publishing.
/// </summary>
public abstract class FileContent
{
    private FileContent()
    {
    }

    /// <summary>How many bytes the content has.</summary>
    public abstract long Length { get; }

    /// <summary>Content held in memory.</summary>
    public static FileContent Of(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new InMemory(bytes);
    }

    /// <summary>
    /// The content of the file at <paramref name="path"/>, read or linked when published: it must never change in
    /// place, only be removed.
    /// </summary>
    public static FileContent InFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new OnDisk(path);
    }

    /// <summary>The file holding the content, or null for content in memory: the web root links it rather than copy it.</summary>
    internal virtual string? FilePath => null;

    /// <summary>Opens the content for reading from its start.</summary>
    public abstract Stream OpenRead();

    /// <summary>The whole content as one array: for small files and comparisons, never for a feed in a pass.</summary>
    public virtual byte[] ToArray()
    {
        using var stream = OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class InMemory(byte[] bytes) : FileContent
    {
        public override long Length => bytes.Length;

        public override Stream OpenRead() => new MemoryStream(bytes, writable: false);

        public override byte[] ToArray() => bytes;
    }

    private sealed class OnDisk(string path) : FileContent
    {
        public override long Length => new FileInfo(path).Length;

        internal override string FilePath => path;

        public override Stream OpenRead() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
    }
}
