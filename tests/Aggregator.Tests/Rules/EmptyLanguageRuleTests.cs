using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class EmptyLanguageRuleTests
{
    [Fact]
    public void A_language_tag_passes_and_no_tag_is_not_judged()
    {
        var model = Models.Entity(texts: [new TextModel("Organization/OrganizationName", "en", "Example", 1), new TextModel("ContactPerson/EmailAddress", null, "mailto:a@example.ac.za", 2)]);

        Assert.Empty(Models.Findings(new EmptyLanguageRule(), model));
    }

    [Fact]
    public void An_empty_language_tag_is_an_error()
    {
        var model = Models.Entity(texts: [new TextModel("Organization/OrganizationName", string.Empty, "Example", 1)]);

        Assert.Equal(EmptyLanguageRule.Id, Assert.Single(Models.Findings(new EmptyLanguageRule(), model)).Rule);
    }
}
