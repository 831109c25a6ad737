using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class EndpointIndexRuleTests
{
    private static EntityModel Sp(params EndpointModel[] endpoints) => Models.Entity([Models.SpRole() with { Endpoints = endpoints }]);

    [Fact]
    public void Distinct_indexes_and_one_endpoint_with_a_ResponseLocation_pass()
    {
        var model = Sp(
            new EndpointModel("AssertionConsumerService", "Location", "https://sp.example.org/acs/post", "0"),
            new EndpointModel("AssertionConsumerService", "Location", "https://sp.example.org/acs/artifact", "1"),
            new EndpointModel("ArtifactResolutionService", "Location", "https://sp.example.org/ars", "0"),
            new EndpointModel("ArtifactResolutionService", "ResponseLocation", "https://sp.example.org/ars-response", "0"));

        Assert.Empty(Models.Findings(new EndpointIndexRule(), model));
    }

    [Fact]
    public void Two_endpoints_of_one_kind_with_one_index_are_an_error()
    {
        var model = Sp(
            new EndpointModel("AssertionConsumerService", "Location", "https://sp.example.org/acs/post", "1"),
            new EndpointModel("AssertionConsumerService", "Location", "https://sp.example.org/acs/artifact", " 1"));

        var finding = Assert.Single(Models.Findings(new EndpointIndexRule(), model));

        Assert.Equal(EndpointIndexRule.Id, finding.Rule);
        Assert.True(finding.IsError);
        Assert.Contains("AssertionConsumerService index=\"1\"", finding.Message, StringComparison.Ordinal);
    }
}
