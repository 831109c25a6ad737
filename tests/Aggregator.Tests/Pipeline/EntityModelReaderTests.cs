using Fedmd.Aggregator.Model;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Pipeline;

public class EntityModelReaderTests
{
    [Fact]
    public void The_model_holds_what_the_rules_judge()
    {
        var model = EntityModelReader.Read(TestPipelines.Document(File.ReadAllText(Samples.Good("idp-uni-a.xml"))));

        Assert.Equal("https://idp.uni-a.example.ac.za/idp/shibboleth", model.EntityId);
        var idp = Assert.Single(model.IdentityProviders);
        Assert.Equal("uni-a.example.ac.za", Assert.Single(idp.Scopes).Value);
        Assert.Equal("false", idp.Scopes[0].Regexp);
        Assert.All(idp.Endpoints, e => Assert.StartsWith("https://", e.Url, StringComparison.Ordinal));
        Assert.Contains(idp.Endpoints, e => e.Element == "SingleSignOnService");
        Assert.All(idp.Keys, k => Assert.Equal(1, k.KeyCount));
        Assert.Contains(idp.DisplayNames, t => t.Lang == "en");
        Assert.Contains(model.Contacts, c => c.Type == "technical" && c.HasMailto);
        Assert.Contains(model.Contacts, c => c.RefedsType == ContactModel.SecurityType);
        Assert.Contains(model.Texts, t => t.Path == "Organization/OrganizationName" && t.Lang == "af");
        Assert.True(model.HasEntityAttribute("urn:oasis:names:tc:SAML:attribute:assurance-certification", "https://refeds.org/sirtfi"));
    }

    [Fact]
    public void A_key_descriptor_without_use_and_ec_keys_are_read()
    {
        var college = EntityModelReader.Read(TestPipelines.Document(File.ReadAllText(Samples.Good("idp-college-d.xml"))));

        Assert.Equal(string.Empty, Assert.Single(college.Roles.SelectMany(r => r.Keys)).Use);
    }
}
