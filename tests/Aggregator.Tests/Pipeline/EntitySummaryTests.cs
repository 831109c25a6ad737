using Fedmd.Aggregator.Pipeline;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Pipeline;

public class EntitySummaryTests
{
    private static EntitySummary Summary(string roles, string extensions = "") => EntitySummary.FromDocument(TestPipelines.Document(
        "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" xmlns:mdattr=\"urn:oasis:names:tc:SAML:metadata:attribute\" "
        + $"xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" entityID=\"https://e.example.ac.za\">{extensions}{roles}</md:EntityDescriptor>"));

    private const string Idp = "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>";
    private const string Sp = "<md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>";
    private const string Aa = "<md:AttributeAuthorityDescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>";

    [Theory]
    [InlineData(Idp, new[] { "IDPSSODescriptor" })]
    [InlineData(Sp, new[] { "SPSSODescriptor" })]
    [InlineData(Idp + Sp, new[] { "IDPSSODescriptor", "SPSSODescriptor" })]
    [InlineData(Idp + Aa, new[] { "AttributeAuthorityDescriptor", "IDPSSODescriptor" })]
    [InlineData(Idp + Idp, new[] { "IDPSSODescriptor" })]
    [InlineData("", new string[0])]
    public void The_roles_are_the_descriptors_local_names(string roles, string[] expected)
    {
        var summary = Summary(roles);

        Assert.Equal(expected, summary.Roles.Order(StringComparer.Ordinal));
        Assert.All(expected, role => Assert.True(summary.Roles.Overlaps([role])));
        Assert.False(summary.Roles.Contains("PDPDescriptor"));
    }

    [Fact]
    public void Entities_of_the_same_common_shape_share_their_roles_and_empty_attributes()
    {
        var first = Summary(Idp);
        var second = Summary(Idp);

        Assert.Same(first.Roles, second.Roles);
        Assert.Same(first.EntityAttributes, second.EntityAttributes);
        Assert.Empty(first.EntityAttributes);
    }

    [Fact]
    public void Entity_attributes_are_read_by_name()
    {
        var summary = Summary(Sp, "<md:Extensions><mdattr:EntityAttributes><saml:Attribute Name=\"http://macedir.org/entity-category\">"
            + "<saml:AttributeValue> http://refeds.org/category/research-and-scholarship </saml:AttributeValue></saml:Attribute></mdattr:EntityAttributes></md:Extensions>");

        Assert.Equal(["http://refeds.org/category/research-and-scholarship"], summary.EntityAttributes["http://macedir.org/entity-category"]);
    }
}
