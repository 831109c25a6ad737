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
    public static IEnumerable<(string Path, XmlElement Entity)> Read(string registryDirectory, long maxBytes)
    {
        var loader = new SafeXmlLoader(maxBytes);
        foreach (var path in Directory.EnumerateFiles(registryDirectory, "*.xml").Order(StringComparer.Ordinal))
        {
            if (new FileInfo(path).LinkTarget is not null)
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
}
