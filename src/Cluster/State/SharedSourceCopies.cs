using Fedmd.Metadata.Files;

namespace Fedmd.Cluster.State;

/// <summary>
/// Each remote source's last good copy, shared through PostgreSQL: the fetcher keeps working on its file, and a pass
/// starts from the newest verified copy any node kept and leaves its own for the next. A node that takes over while a
/// source is down therefore falls back to the same copy the other node would have used.
/// </summary>
/// <param name="store">The shared documents.</param>
/// <param name="copies">Each source's name and the file its fetcher keeps.</param>
public sealed class SharedSourceCopies(ClusterStateStore store, IReadOnlyList<(string Name, string Path)> copies)
{
    // The sidecar the fetcher keeps beside a copy for its conditional GET (Fetcher's CacheValidators).
    private const string ValidatorsSuffix = ".validators.json";

    /// <summary>Replaces each local copy that differs from the shared one; called with the claim held, before the pass reads.</summary>
    public void Restore()
    {
        foreach (var (name, path) in copies)
        {
            if (store.ReadDocument(DocumentName(name)) is not { } shared || (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(shared)))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFileWriter.Write(path, shared);
            // Its validators describe the copy it replaced: the next fetch must be a full one.
            File.Delete(path + ValidatorsSuffix);
        }
    }

    /// <summary>Shares each local copy that differs from the shared one; called after the pass, with the claim still held.</summary>
    public void Share()
    {
        foreach (var (name, path) in copies.Where(c => File.Exists(c.Path)))
        {
            var local = File.ReadAllBytes(path);
            if (store.ReadDocument(DocumentName(name)) is { } shared && shared.AsSpan().SequenceEqual(local))
            {
                continue;
            }

            store.WriteDocument(DocumentName(name), local);
        }
    }

    private static string DocumentName(string source) => "source:" + source;
}
