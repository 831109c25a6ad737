using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class ScopeRegexpRuleTests
{
    private static EntityModel WithScope(string value, string? regexp) => Models.Entity([Models.IdpRole(scopes: [new ScopeModel(value, regexp)])]);

    [Theory]
    [InlineData("^(.+\\.)?example\\.org$", "true")]
    [InlineData(" ^.+\\.example\\.org$\n", "true")]
    [InlineData("Example.ORG", "false")]
    [InlineData("example.org", null)]
    public void Anchored_regexps_and_literal_scopes_pass_whatever_their_style(string value, string? regexp)
    {
        Assert.Empty(Models.Findings(new ScopeRegexpRule(), WithScope(value, regexp)));
    }

    [Theory]
    [InlineData(".*")]
    [InlineData("example\\.org")]
    [InlineData("^.*$")]
    public void An_unanchored_regexp_or_one_without_a_literal_domain_is_an_error(string value)
    {
        var finding = Assert.Single(Models.Findings(new ScopeRegexpRule(), WithScope(value, "true")));

        Assert.Equal(ScopeRegexpRule.Id, finding.Rule);
        Assert.True(finding.IsError);
    }
}
