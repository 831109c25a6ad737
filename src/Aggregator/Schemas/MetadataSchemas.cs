using System.Xml;
using System.Xml.Schema;
using Fedmd.Metadata.Failures;

namespace Fedmd.Aggregator.Schemas;

/// <summary>
/// The SAML metadata schema and the extension schemas in use, compiled once per run from the installed files. Adding
/// each extension namespace explicitly matters: metadata extensions are <c>processContents="lax"</c>, so a namespace
/// left out would go unchecked.
/// </summary>
public static class MetadataSchemas
{
    /// <summary>The namespaces validated by default: md, mdui, mdattr, mdrpi, shibmd, algsupport, idpdisc, init, ds, xenc.</summary>
    public static readonly IReadOnlyList<string> DefaultNamespaces =
    [
        "urn:oasis:names:tc:SAML:2.0:metadata",
        "urn:oasis:names:tc:SAML:metadata:ui",
        "urn:oasis:names:tc:SAML:metadata:attribute",
        "urn:oasis:names:tc:SAML:metadata:rpi",
        "urn:mace:shibboleth:metadata:1.0",
        "urn:oasis:names:tc:SAML:metadata:algsupport",
        "urn:oasis:names:tc:SAML:profiles:SSO:idp-discovery-protocol",
        "urn:oasis:names:tc:SAML:profiles:SSO:request-init",
        "http://www.w3.org/2000/09/xmldsig#",
        "http://www.w3.org/2001/04/xmlenc#",
    ];

    /// <summary>The Debian packages' schema directories.</summary>
    public static readonly IReadOnlyList<string> DefaultDirectories = ["/usr/share/xml/opensaml", "/usr/share/xml/xmltooling", "/usr/share/xml/shibboleth"];

    /// <summary>Compiles the schemas of <paramref name="namespaces"/>, resolving imports only to installed files.</summary>
    /// <exception cref="FedmdException">A schema is missing or does not compile.</exception>
    public static XmlSchemaSet Compile(SchemaLocations locations, IEnumerable<string> namespaces)
    {
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(namespaces);
        var resolver = new LocalSchemaResolver(locations);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            foreach (var ns in namespaces)
            {
                var file = locations.ForNamespace(ns);
                if (set.Contains(ns))
                {
                    continue;
                }

                using var reader = XmlReader.Create(file, settings);
                set.Add(ns, reader);
            }

            set.Compile();
        }
        catch (Exception e) when (e is XmlException or XmlSchemaException or IOException)
        {
            throw new FedmdException(FailureKind.Configuration, $"the metadata schemas do not load: {e.Message}", e);
        }

        return set;
    }
}
