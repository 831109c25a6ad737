using System.Xml;
using Fedmd.Aggregator.Schemas;

namespace Fedmd.Tests.Aggregator.Schemas;

public class LocalSchemaResolverTests
{
    private static readonly SchemaLocations Locations = SchemaLocations.FromDirectories(MetadataSchemas.DefaultDirectories);

    [Fact]
    public void The_w3c_urls_the_schemas_import_map_to_installed_files()
    {
        var file = Locations.Resolve(new Uri("http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd"));

        Assert.Equal("/usr/share/xml/xmltooling/xmldsig-core-schema.xsd", file);
        Assert.Equal("/usr/share/xml/opensaml/saml-schema-metadata-2.0.xsd", Locations.ForNamespace("urn:oasis:names:tc:SAML:2.0:metadata"));
    }

    [Fact]
    public void Anything_else_is_refused_without_the_network()
    {
        var resolver = new LocalSchemaResolver(Locations);

        var error = Assert.Throws<XmlException>(() => resolver.GetEntity(new Uri("http://www.example.org/evil.dtd"), null, typeof(Stream)));

        Assert.Contains("never fetches", error.Message, StringComparison.Ordinal);
        Assert.Null(Locations.Resolve(new Uri("file:///etc/passwd")));
    }

    [Fact]
    public void The_schema_set_compiles_from_the_installed_packages()
    {
        var set = MetadataSchemas.Compile(Locations, MetadataSchemas.DefaultNamespaces);

        Assert.True(set.IsCompiled);
        Assert.All(MetadataSchemas.DefaultNamespaces, ns => Assert.True(set.Contains(ns), ns));
    }

    [Fact]
    public void A_missing_schema_directory_is_a_configuration_error()
    {
        var error = Assert.Throws<Fedmd.Metadata.Failures.FedmdException>(() => SchemaLocations.FromDirectories(["/nonexistent/schemas"]));

        Assert.Contains("opensaml-schemas", error.Message, StringComparison.Ordinal);
    }
}
