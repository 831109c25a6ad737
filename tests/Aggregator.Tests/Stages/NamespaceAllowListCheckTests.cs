using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class NamespaceAllowListCheckTests
{
    private static readonly NamespaceAllowListCheck Check = new(DefaultNamespaces.Allowed.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void The_samples_use_only_allowed_namespaces()
    {
        Assert.Empty(TestPipelines.Apply(Check, File.ReadAllText(Samples.Good("idp-uni-a.xml"))).Item.Messages);
    }

    [Fact]
    public void An_unknown_namespace_is_a_warning_naming_it()
    {
        var xml = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://x.example.ac.za\">" +
                  "<md:Extensions><x:Private xmlns:x=\"urn:example:private\" x:flag=\"1\"/></md:Extensions></md:EntityDescriptor>";

        var message = Assert.Single(TestPipelines.Apply(Check, xml).Item.Messages);

        Assert.Equal(NamespaceAllowListCheck.Rule, message.RuleId);
        Assert.Equal(Severity.Warning, message.Severity);
        Assert.Contains("urn:example:private", message.Message, StringComparison.Ordinal);
    }
}
