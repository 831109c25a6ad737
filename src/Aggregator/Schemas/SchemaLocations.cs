using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Schemas;

/// <summary>
/// Where the installed schema files are: the systemIds of the packages' XML catalogs (namespace URIs mostly) and every
/// <c>.xsd</c> file by name, for the W3C URLs the schemas import each other by (e.g.
/// <c>http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd</c> is xmltooling's
/// <c>xmldsig-core-schema.xsd</c>). Nothing outside these directories is ever reachable.
/// </summary>
public sealed class SchemaLocations
{
    private const string CatalogNamespace = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    private readonly IReadOnlyDictionary<string, string> _bySystemId;
    private readonly IReadOnlyDictionary<string, string> _byFileName;

    private SchemaLocations(IReadOnlyDictionary<string, string> bySystemId, IReadOnlyDictionary<string, string> byFileName)
    {
        _bySystemId = bySystemId;
        _byFileName = byFileName;
    }

    /// <summary>Indexes the schema directories and the catalogs (<c>*catalog.xml</c>) in them.</summary>
    /// <exception cref="FedmdException">A directory is missing (install opensaml-schemas, xmltooling-schemas, shibboleth-sp-common).</exception>
    public static SchemaLocations FromDirectories(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var bySystemId = new Dictionary<string, string>(StringComparer.Ordinal);
        var byFileName = new Dictionary<string, string>(StringComparer.Ordinal);
        var loader = new SafeXmlLoader();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new FedmdException(FailureKind.Configuration,
                    $"schema directory {directory} does not exist; install opensaml-schemas, xmltooling-schemas and shibboleth-sp-common (Validation:SchemaDirectories)");
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.xsd").Order(StringComparer.Ordinal))
            {
                byFileName.TryAdd(Path.GetFileName(file), Path.GetFullPath(file));
            }

            foreach (var catalog in Directory.EnumerateFiles(directory, "*catalog.xml").Order(StringComparer.Ordinal))
            {
                foreach (var entry in loader.LoadFile(catalog).GetElementsByTagName("system", CatalogNamespace).OfType<XmlElement>())
                {
                    var target = entry.GetAttribute("uri");
                    if (File.Exists(target))
                    {
                        bySystemId.TryAdd(entry.GetAttribute("systemId"), Path.GetFullPath(target));
                    }
                }
            }
        }

        return new SchemaLocations(bySystemId, byFileName);
    }

    /// <summary>The schema file of a namespace, from the catalogs.</summary>
    /// <exception cref="FedmdException">No catalog names the namespace.</exception>
    public string ForNamespace(string ns) =>
        _bySystemId.TryGetValue(ns, out var file)
            ? file
            : throw new FedmdException(FailureKind.Configuration, $"no installed schema catalog names {ns} (Validation:SchemaNamespaces, Validation:SchemaDirectories)");

    /// <summary>The local file of a schema location, or null when it is not one of the installed schemas.</summary>
    public string? Resolve(Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (_bySystemId.TryGetValue(location.OriginalString, out var mapped))
        {
            return mapped;
        }

        if (location.IsFile && _byFileName.Values.Contains(Path.GetFullPath(location.LocalPath), StringComparer.Ordinal))
        {
            return location.LocalPath;
        }

        var name = Path.GetFileName(location.AbsolutePath);
        return _byFileName.GetValueOrDefault(name);
    }
}
