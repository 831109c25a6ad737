using System.Xml;

namespace Fedmd.Aggregator.Schemas;

/// <summary>
/// An XmlResolver that opens installed schema files only: a URL the schemas import is mapped to its local copy, and
/// anything else is refused. The network is never used.
/// </summary>
internal sealed class LocalSchemaResolver(SchemaLocations locations) : XmlResolver
{
    /// <summary>
    /// Maps the location to the installed file's URI, so that a schema imported by its W3C URL in one place and by a
    /// relative path in another is loaded once, not declared twice.
    /// </summary>
    public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
    {
        var resolved = base.ResolveUri(baseUri, relativeUri);
        return locations.Resolve(resolved) is { } file ? new Uri(file) : resolved;
    }

    /// <inheritdoc />
    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        ArgumentNullException.ThrowIfNull(absoluteUri);
        var file = locations.Resolve(absoluteUri)
            ?? throw new XmlException($"{absoluteUri} is not an installed schema; fedmd never fetches schemas from the network");
        return File.OpenRead(file);
    }
}
