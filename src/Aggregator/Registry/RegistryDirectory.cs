using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Failures;

namespace Fedmd.Aggregator.Registry;

/// <summary>
/// The registry: a directory of entity files, any names, one md:EntityDescriptor each. Files are read in ordinal
/// name order so that runs are reproducible; a file over the size cap becomes an item with an error, unread.
/// </summary>
public sealed class RegistryDirectory(string path, long maxFileBytes)
{
    /// <summary>The directory.</summary>
    public string Path { get; } = path;

    /// <summary>Reads every <c>*.xml</c> file directly inside the directory (or the one file, when a file is given).</summary>
    /// <exception cref="FedmdException">The directory does not exist.</exception>
    public IReadOnlyList<EntityItem> ReadItems()
    {
        if (File.Exists(Path))
        {
            return [ReadItem(Path)];
        }

        if (!Directory.Exists(Path))
        {
            throw new FedmdException(FailureKind.Configuration, $"registry directory {Path} does not exist");
        }

        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(Path, "*.xml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"registry directory {Path} (Registry:EntitiesDirectory or --entities) cannot be read: permission denied; make it readable and searchable (r-x) for the user that runs fedmd", e);
        }

        return files.Select(ReadItem).ToList();
    }

    /// <summary>Rule: the file could not be read (permissions, a disk error).</summary>
    public const string ReadRule = "xml.read";

    private EntityItem ReadItem(string file)
    {
        // One unreadable file costs that file, never the run.
        try
        {
            return ReadFile(file, new FileInfo(file));
        }
        catch (UnauthorizedAccessException)
        {
            var item = new EntityItem(file, []);
            item.AddError(ReadRule, "the file cannot be read: permission denied; make it readable for the user that runs fedmd (e.g. chmod o+r) or remove it");
            return item;
        }
        catch (IOException e)
        {
            var item = new EntityItem(file, []);
            item.AddError(ReadRule, $"the file cannot be read ({e.Message}); fix its permissions or replace it");
            return item;
        }
    }

    private EntityItem ReadFile(string file, FileInfo info)
    {
        var length = info.Length;
        if (length == 0)
        {
            // Empty, or a FIFO or device (they report no length): opening one could block the run for ever.
            return new EntityItem(file, []);
        }

        if (length > maxFileBytes)
        {
            return TooLarge(file, $"the file is {length} bytes, over the limit of {maxFileBytes}; it was not read");
        }

        // Stop at the cap while reading too, so that a file that grows (or a device behind a link) is never slurped.
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var content = new MemoryStream((int)length);
        var buffer = new byte[64 * 1024];
        int chunk;
        while ((chunk = stream.Read(buffer)) > 0)
        {
            if (content.Length + chunk > maxFileBytes)
            {
                return TooLarge(file, $"the file grew past the limit of {maxFileBytes} bytes while it was read; it was not accepted");
            }

            content.Write(buffer, 0, chunk);
        }

        return new EntityItem(file, content.ToArray());
    }

    private static EntityItem TooLarge(string file, string message)
    {
        var item = new EntityItem(file, []);
        item.AddError(EntityParser.SizeRule, message);
        return item;
    }
}
