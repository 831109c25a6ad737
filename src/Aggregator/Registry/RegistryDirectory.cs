using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Failures;

namespace Fedmd.Aggregator.Registry;

/// <summary>
/// The registry: a directory of entity files, any names, one md:EntityDescriptor each. Entries named <c>*.xml</c> are
/// read in ordinal name order so that runs are reproducible. Only regular files are read: a symbolic link (wherever it
/// points) and anything else that is not a regular file (a directory, FIFO or socket named <c>*.xml</c>) becomes an
/// item with an error naming it, unread, as does a file over the size cap: each costs only itself. Given a spool, each
/// file's bytes go to it as soon as the file is read, so that the registry is never held in memory.
/// </summary>
public sealed class RegistryDirectory(string path, long maxFileBytes, EntitySpool? spool = null)
{
    /// <summary>Rule: the file could not be read (permissions, a disk error).</summary>
    public const string ReadRule = "xml.read";

    /// <summary>Rule: the registry entry is a symbolic link, which is never followed.</summary>
    public const string SymbolicLinkRule = "registry.symlink";

    /// <summary>Rule: the registry entry is not a regular file (a directory, FIFO, socket or device).</summary>
    public const string NotAFileRule = "registry.not-a-file";

    /// <summary>The registry directory, or the one entity file an operator named (read even through a link).</summary>
    public string Path { get; } = path;

    /// <summary>
    /// Reads every <c>*.xml</c> entry directly inside the directory, or the one file when a file is given (a file the
    /// operator names is read even through a link: the refusal protects the registry from its participants).
    /// </summary>
    /// <exception cref="FedmdException">The directory does not exist.</exception>
    public IReadOnlyList<EntityItem> ReadItems()
    {
        if (File.Exists(Path))
        {
            return [Guarded(Path, () => ReadFollowingLinks(Path))];
        }

        if (!Directory.Exists(Path))
        {
            throw new FedmdException(FailureKind.Configuration, $"registry directory {Path} does not exist");
        }

        List<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(Path, "*.xml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"registry directory {Path} (Registry:EntitiesDirectory or --entities) cannot be read: permission denied; make it readable and searchable (r-x) for the user that runs fedmd", e);
        }

        return entries.Select(entry => Guarded(entry, () => ReadEntry(entry))).ToList();
    }

    private EntityItem ReadEntry(string entry)
    {
        var info = new FileInfo(entry);
        if (info.LinkTarget is { } target)
        {
            return Refused(entry, SymbolicLinkRule,
                $"{entry} is a symbolic link (to {target}); registry entries are never followed, so that nothing outside the registry is read or published: replace the link by the file itself");
        }

        if (info.Attributes.HasFlag(FileAttributes.Directory))
        {
            return Refused(entry, NotAFileRule, $"{entry} is a directory, not an entity file; rename it so its name does not end in .xml, or move it out of the registry");
        }

        if (!NoFollowOpen.IsSupported)
        {
            return ReadFollowingLinks(entry);
        }

        // Opened without following a link, so that one swapped in after the check above is refused too.
        var handle = NoFollowOpen.Open(entry, out var error);
        if (handle is null)
        {
            return error switch
            {
                NoFollowOpen.SymbolicLinkError => Refused(entry, SymbolicLinkRule, $"{entry} became a symbolic link while the registry was read; replace the link by the file itself"),
                NoFollowOpen.NoDeviceError => Refused(entry, NotAFileRule, $"{entry} is a socket or device, not an entity file; remove it from the registry"),
                NoFollowOpen.PermissionDeniedError => Refused(entry, ReadRule, PermissionDenied),
                _ => Refused(entry, ReadRule, $"the file cannot be read ({NoFollowOpen.Describe(error)}); fix its permissions or replace it"),
            };
        }

        using (handle)
        {
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            return stream.CanSeek
                ? ReadStream(entry, stream)
                : Refused(entry, NotAFileRule, $"{entry} is a FIFO or device, not a regular file; remove it from the registry");
        }
    }

    private EntityItem ReadFollowingLinks(string file)
    {
        if (new FileInfo(file).Length == 0)
        {
            // Empty, or a FIFO or device (they report no length): opening one could block the run for ever.
            return new EntityItem(file, []);
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadStream(file, stream);
    }

    private EntityItem ReadStream(string file, FileStream stream)
    {
        var length = stream.Length;
        if (length > maxFileBytes)
        {
            return Refused(file, EntityParser.SizeRule, $"the file is {length} bytes, over the limit of {maxFileBytes}; it was not read");
        }

        // Stop at the cap while reading too, so that a file that grows is never slurped.
        using var content = new MemoryStream((int)length);
        var buffer = new byte[64 * 1024];
        int chunk;
        while ((chunk = stream.Read(buffer)) > 0)
        {
            if (content.Length + chunk > maxFileBytes)
            {
                return Refused(file, EntityParser.SizeRule, $"the file grew past the limit of {maxFileBytes} bytes while it was read; it was not accepted");
            }

            content.Write(buffer, 0, chunk);
        }

        return spool is null
            ? new EntityItem(file, content.ToArray())
            : EntityItem.Spooled(file, content.GetBuffer().AsSpan(0, (int)content.Length), spool);
    }

    // One unreadable entry costs that entry, never the run.
    private static EntityItem Guarded(string file, Func<EntityItem> read)
    {
        try
        {
            return read();
        }
        catch (UnauthorizedAccessException)
        {
            return Refused(file, ReadRule, PermissionDenied);
        }
        catch (IOException e)
        {
            return Refused(file, ReadRule, $"the file cannot be read ({e.Message}); fix its permissions or replace it");
        }
    }

    private const string PermissionDenied = "the file cannot be read: permission denied; make it readable for the user that runs fedmd (e.g. chmod o+r) or remove it";

    private static EntityItem Refused(string file, string rule, string message)
    {
        var item = new EntityItem(file, []);
        item.AddError(rule, message);
        return item;
    }
}
