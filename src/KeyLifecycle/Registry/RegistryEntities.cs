using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;

namespace Fedmd.KeyLifecycle.Registry;

/// <summary>
/// The entity files of a registry as the key operations read them: the <c>*.xml</c> files directly in the folder, in
/// ordinal order, each parsed with the safe loader. Links and files that do not parse to an
/// <c>md:EntityDescriptor</c> are passed over: the pass reports those with rules of its own.
/// </summary>
internal static class RegistryEntities
{
    /// <summary>Each readable entity file with its parsed root element.</summary>
    public static IEnumerable<(string Path, XmlElement Entity)> Read(string registryDirectory, long maxBytes) =>
        Read(registryDirectory, maxBytes, entityId: null);

    /// <summary>
    /// The readable entity files whose root's entityID is <paramref name="entityId"/> (every one when null). Only the
    /// root start tag of the other files is read: finding one entity among eduGAIN-sized registries must not parse
    /// them all.
    /// </summary>
    public static IEnumerable<(string Path, XmlElement Entity)> Read(string registryDirectory, long maxBytes, string? entityId)
    {
        var loader = new SafeXmlLoader(maxBytes);
        foreach (var path in Directory.EnumerateFiles(registryDirectory, "*.xml").Order(StringComparer.Ordinal))
        {
            if (new FileInfo(path).LinkTarget is not null || (entityId is not null && RootEntityId(loader, path) != entityId))
            {
                continue;
            }

            XmlDocument document;
            try
            {
                document = loader.LoadFile(path);
            }
            catch (UnsafeXmlException)
            {
                continue;
            }

            if (document.DocumentElement is { LocalName: "EntityDescriptor", NamespaceURI: SamlNamespaces.Metadata } entity)
            {
                yield return (path, entity);
            }
        }
    }

    // The root's entityID as the parser reads it (references resolved); null when the file does not start like an entity.
    private static string? RootEntityId(SafeXmlLoader loader, string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            using var reader = XmlReader.Create(stream, loader.CreateReaderSettings());
            return reader.MoveToContent() == XmlNodeType.Element && reader is { LocalName: "EntityDescriptor", NamespaceURI: SamlNamespaces.Metadata }
                ? reader.GetAttribute("entityID")
                : null;
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
