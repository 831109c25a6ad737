using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class NamespaceStrippingTests
{
    private const string Wayf = "http://sdss.ac.uk/2006/06/WAYF";
    private static readonly HashSet<string> Allowed = DefaultNamespaces.Allowed.ToHashSet(StringComparer.Ordinal);

    private static string Sample => File.ReadAllText(Samples.Good("sp-library.xml"));

    [Fact]
    public void Foreign_elements_and_attributes_are_removed_and_an_emptied_Extensions_with_them()
    {
        var xml = Sample.Replace("<md:SPSSODescriptor ", $"<md:SPSSODescriptor xmlns:wayf=\"{Wayf}\" wayf:hint=\"x\" ", StringComparison.Ordinal)
            .Replace("</md:EntityDescriptor>", string.Empty, StringComparison.Ordinal)
            .Replace("<md:Organization>", $"<md:Organization><md:Extensions><wayf:HideFromWAYF xmlns:wayf=\"{Wayf}\"/></md:Extensions>", StringComparison.Ordinal)
            + "</md:EntityDescriptor>";

        var (item, entity) = TestPipelines.Apply(new NamespaceStripping(Allowed), xml);

        Assert.Empty(entity.GetElementsByTagName("HideFromWAYF", Wayf));
        Assert.False(((System.Xml.XmlElement)entity.GetElementsByTagName("SPSSODescriptor", SamlNamespaces.Metadata)[0]!).HasAttribute("hint", Wayf));
        Assert.Empty(((System.Xml.XmlElement)entity.GetElementsByTagName("Organization", SamlNamespaces.Metadata)[0]!).GetElementsByTagName("Extensions", SamlNamespaces.Metadata));
        var message = Assert.Single(item.Messages);
        Assert.Equal(NamespaceStripping.Rule, message.RuleId);
        Assert.Contains($"removed 2 element(s) or attribute(s) in namespace {Wayf}", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_in_allowed_namespaces_is_left_alone()
    {
        Assert.Empty(TestPipelines.Apply(new NamespaceStripping(Allowed), Sample).Item.Messages);
    }
}
