using System.Xml;

namespace Fedmd.Aggregator.Schemas;

/// <summary>
/// An XmlResolver that opens installed schema files only: a URL the schemas import is mapped to its local copy, and
/// anything else is refused. The network is never used.
/// </summary>
public sealed class LocalSchemaResolver(SchemaLocations locations) : XmlResolver
{
    /// <inheritdoc />
    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        ArgumentNullException.ThrowIfNull(absoluteUri);
        var file = locations.Resolve(absoluteUri)
            ?? throw new XmlException($"{absoluteUri} is not an installed schema; fedmd never fetches schemas from the network");
        return File.OpenRead(file);
    }
}
