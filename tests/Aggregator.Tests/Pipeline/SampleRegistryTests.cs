using Fedmd.Aggregator.Registry;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Pipeline;

public class SampleRegistryTests
{
    [Fact]
    public void Every_top_level_sample_is_accepted_without_findings()
    {
        var result = TestPipelines.Standard().Run(new RegistryDirectory(Samples.Directory, SafeXmlLoader.DefaultMaxBytes).ReadItems(), TestPipelines.Context());

        Assert.Empty(result.Rejected);
        Assert.Equal(14, result.Accepted.Count);
        Assert.All(result.Items, i => Assert.Empty(i.Messages));
    }

    [Fact]
    public void The_bad_directory_rejects_all_but_the_strippable_and_the_duplicate_donor()
    {
        var result = TestPipelines.Standard().Run(new RegistryDirectory(Samples.BadDirectory, SafeXmlLoader.DefaultMaxBytes).ReadItems(), TestPipelines.Context());

        Assert.Equal(
            ["carries-signature-and-registrationinfo.xml", "duplicate-entityid.xml"],
            result.Accepted.Select(i => Path.GetFileName(i.Source)));
        Assert.Equal(14, result.Rejected.Count);
    }
}
