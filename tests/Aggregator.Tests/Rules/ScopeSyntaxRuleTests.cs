using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class ScopeSyntaxRuleTests
{
    private static IReadOnlyList<(string Rule, bool IsError, string Message)> Check(string value, string? regexp) =>
        Models.Findings(new ScopeSyntaxRule(), Models.Entity([Models.IdpRole(scopes: [new ScopeModel(value, regexp)])]));

    [Theory]
    [InlineData("example.ac.za", "false")]
    [InlineData("^([a-z0-9-]+\\.)?example\\.ac\\.za$", "true")]
    [InlineData("^.+\\.example\\.ac\\.za$", "true")]
    public void Good_scopes_pass(string value, string regexp)
    {
        Assert.Empty(Check(value, regexp));
    }

    [Theory]
    [InlineData("example.ac.za", null, "no regexp attribute")]
    [InlineData("Example.ac.za", "false", "not lowercase")]
    [InlineData("example\\.ac\\.za$", "true", "not anchored")]
    [InlineData("^example\\.ac\\.za", "true", "not anchored")]
    [InlineData("^.*$", "true", "literal domain")]
    [InlineData("^.+\\.example\\.ac\\..*$", "true", "literal domain")]
    [InlineData("example.ac.za", "yes", "write \"true\" or \"false\"")]
    public void Bad_scopes_are_errors(string value, string? regexp, string expected)
    {
        var finding = Assert.Single(Check(value, regexp));

        Assert.Equal(ScopeSyntaxRule.Id, finding.Rule);
        Assert.True(finding.IsError);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }
}
