using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Local;

/// <summary>
/// The file-system operations a web-root publication is made of, each one durable step. The web root calls nothing
/// else, so a test can stop a publication between any two of them, as a <c>kill -9</c> or a power cut would.
/// </summary>
public interface IPublicationFileSystem
{
    /// <summary>Creates <paramref name="path"/> (it must not exist), writes it world-readable and flushes it to disk.</summary>
    void WriteNewFile(string path, FileContent content);

    /// <summary>Creates a directory (and its missing parents); no-op when it exists.</summary>
    void CreateDirectory(string path);

    /// <summary>Creates a symbolic link at <paramref name="path"/> whose content is <paramref name="target"/>, verbatim.</summary>
    void CreateSymbolicLink(string path, string target);

    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> in one step (rename(2)).</summary>
    void Rename(string source, string destination);

    /// <summary>Swaps two existing names in one step (Linux renameat2 with RENAME_EXCHANGE).</summary>
    void Exchange(string first, string second);

    /// <summary>Flushes a directory's entries to disk (fsync on the directory), so that renames in it survive a power cut.</summary>
    void SyncDirectory(string path);

    /// <summary>Removes a file, a link (not its target) or a directory tree; no-op when nothing is there.</summary>
    void Delete(string path);
}
