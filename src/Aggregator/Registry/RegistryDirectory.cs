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

        return Directory.EnumerateFiles(Path, "*.xml", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(ReadItem)
            .ToList();
    }

    private EntityItem ReadItem(string file)
    {
        var length = new FileInfo(file).Length;
        if (length > maxFileBytes)
        {
            var item = new EntityItem(file, []);
            item.AddError(EntityParser.SizeRule, $"the file is {length} bytes, over the limit of {maxFileBytes}; it was not read");
            return item;
        }

        return new EntityItem(file, File.ReadAllBytes(file));
    }
}
