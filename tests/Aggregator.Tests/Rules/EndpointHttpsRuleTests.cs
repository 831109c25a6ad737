using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class EndpointHttpsRuleTests
{
    [Fact]
    public void Https_endpoints_pass()
    {
        Assert.Empty(Models.Findings(new EndpointHttpsRule(), Models.Entity()));
    }

    [Theory]
    [InlineData("http://idp.example.ac.za/sso")]
    [InlineData("https:///no-host")]
    [InlineData("/relative/sso")]
    [InlineData("not a url")]
    public void Other_locations_are_errors_naming_the_url(string url)
    {
        var model = Models.Entity([Models.IdpRole(endpoints: [new EndpointModel("SingleSignOnService", "Location", url)])]);

        var finding = Assert.Single(Models.Findings(new EndpointHttpsRule(), model));

        Assert.Equal(EndpointHttpsRule.Id, finding.Rule);
        Assert.True(finding.IsError);
        Assert.Contains(url, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_response_location_is_an_error()
    {
        var model = Models.Entity([Models.IdpRole(endpoints:
        [
            new EndpointModel("SingleLogoutService", "Location", "https://idp.example.ac.za/slo"),
            new EndpointModel("SingleLogoutService", "ResponseLocation", "http://idp.example.ac.za/slo-response"),
        ])]);

        Assert.Contains("ResponseLocation", Assert.Single(Models.Findings(new EndpointHttpsRule(), model)).Message, StringComparison.Ordinal);
    }
}
