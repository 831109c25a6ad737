using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Sources;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// What <c>fedmd check</c> judges: a registry directory or one entity file, read as the registry reads them; with
/// the import profile an aggregate file (an <c>md:EntitiesDescriptor</c>) is split into its entities the way a
/// remote source is.
/// </summary>
public static class LintItems
{
    /// <summary>The items of <paramref name="path"/>.</summary>
    /// <param name="path">A directory or a file.</param>
    /// <param name="maxEntityBytes">Largest entity file accepted.</param>
    /// <param name="maxAggregateBytes">Largest aggregate file split (with <paramref name="splitAggregates"/>).</param>
    /// <param name="splitAggregates">Whether an aggregate file is split into its entities.</param>
    public static IReadOnlyList<EntityItem> Read(string path, long maxEntityBytes, long maxAggregateBytes, bool splitAggregates)
    {
        if (splitAggregates && File.Exists(path) && new FileInfo(path).Length <= maxAggregateBytes && IsAggregate(path, maxAggregateBytes))
        {
            var loader = new SafeXmlLoader(maxAggregateBytes + (64L * 1024));
            try
            {
                return new AggregateSplitter(loader).Split(File.ReadAllBytes(path))
                    .Select(entity => new EntityItem($"{path}: {loader.Load(entity).DocumentElement!.GetAttribute("entityID")}", entity))
                    .ToList();
            }
            catch (XmlException e)
            {
                var whole = new EntityItem(path, []);
                whole.AddError(EntityParser.WellFormedRule, $"the aggregate is not well-formed: {e.Message}");
                return [whole];
            }
        }

        return new RegistryDirectory(path, maxEntityBytes).ReadItems();
    }

    // Only the root is read; anything unreadable is left to the registry's reading, which reports it.
    private static bool IsAggregate(string path, long maxBytes)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = XmlReader.Create(stream, new SafeXmlLoader(maxBytes).CreateReaderSettings());
            return reader.MoveToContent() == XmlNodeType.Element
                && reader is { NamespaceURI: SamlNamespaces.Metadata, LocalName: "EntitiesDescriptor" };
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
