using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class DuplicateLanguageRuleTests
{
    [Fact]
    public void One_text_per_language_passes()
    {
        var model = Models.Entity(texts:
        [
            new TextModel("Organization/OrganizationName", "en", "Example", 1),
            new TextModel("Organization/OrganizationName", "af", "Voorbeeld", 1),
        ]);

        Assert.Empty(Models.Findings(new DuplicateLanguageRule(), model));
    }

    [Fact]
    public void The_same_language_in_different_parents_passes()
    {
        var model = Models.Entity(texts:
        [
            new TextModel("SPSSODescriptor/AttributeConsumingService/ServiceName", "en", "One", 3),
            new TextModel("SPSSODescriptor/AttributeConsumingService/ServiceName", "en", "Two", 4),
        ]);

        Assert.Empty(Models.Findings(new DuplicateLanguageRule(), model));
    }

    [Fact]
    public void Two_siblings_with_the_same_language_are_an_error()
    {
        var model = Models.Entity(texts:
        [
            new TextModel("Organization/OrganizationName", "en", "Example", 1),
            new TextModel("Organization/OrganizationName", "EN", "Example again", 1),
        ]);

        var finding = Assert.Single(Models.Findings(new DuplicateLanguageRule(), model));

        Assert.Equal(DuplicateLanguageRule.Id, finding.Rule);
        Assert.Contains("OrganizationName", finding.Message, StringComparison.Ordinal);
    }
}
