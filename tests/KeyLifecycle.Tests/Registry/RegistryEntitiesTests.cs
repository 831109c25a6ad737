using Fedmd.KeyLifecycle.Registry;
using Fedmd.Metadata.Xml;
using Fedmd.TestSupport;

namespace Fedmd.Tests.KeyLifecycle.Registry;

/// <summary>Finding one entity's file among many reads only the others' root start tags, and finds what a full parse finds.</summary>
public sealed class RegistryEntitiesTests : IDisposable
{
    private readonly TemporaryDirectory _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public void The_entity_is_found_by_its_entity_id_as_the_parser_reads_it()
    {
        Write("a.xml", Entity("https://a.example.ac.za/idp"));
        // A character reference in the attribute: the raw bytes do not hold the ID, the parsed attribute does.
        Write("b.xml", Entity("https://b&#46;example.ac.za/sp"));
        Write("c.xml", Entity("https://c.example.ac.za/sp"));

        var found = RegistryEntities.Read(_registry.Path, SafeXmlLoader.DefaultMaxBytes, "https://b.example.ac.za/sp").ToList();

        var (path, entity) = Assert.Single(found);
        Assert.Equal("b.xml", Path.GetFileName(path));
        Assert.Equal("https://b.example.ac.za/sp", entity.GetAttribute("entityID"));
    }

    [Fact]
    public void A_file_whose_root_matches_but_whose_body_does_not_parse_is_passed_over_as_before()
    {
        Write("broken.xml", Entity("https://a.example.ac.za/idp").Replace("</md:EntityDescriptor>", "<md:Extensions>", StringComparison.Ordinal));
        Write("other.xml", "<notmetadata entityID=\"https://a.example.ac.za/idp\"/>");

        Assert.Empty(RegistryEntities.Read(_registry.Path, SafeXmlLoader.DefaultMaxBytes, "https://a.example.ac.za/idp"));
        Assert.Empty(RegistryEntities.Read(_registry.Path, SafeXmlLoader.DefaultMaxBytes));
    }

    [Fact]
    public void Without_an_entity_id_every_readable_entity_is_read()
    {
        Write("a.xml", Entity("https://a.example.ac.za/idp"));
        Write("b.xml", Entity("https://b.example.ac.za/sp"));

        Assert.Equal(["a.xml", "b.xml"], RegistryEntities.Read(_registry.Path, SafeXmlLoader.DefaultMaxBytes).Select(f => Path.GetFileName(f.Path)));
    }

    private void Write(string name, string text) => File.WriteAllText(_registry.Combine(name), text);

    private static string Entity(string entityId) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\">"
        + "<md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
        + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://x.example.ac.za/acs\" index=\"1\"/>"
        + "</md:SPSSODescriptor></md:EntityDescriptor>\n";
}
