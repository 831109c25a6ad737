using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class LogoRepairTests
{
    private static string Sample => File.ReadAllText(Samples.Good("idp-nrc.xml"));

    [Theory]
    [InlineData("http://www.nrc.example.ac.za/img/nrc-square.png")]
    [InlineData("  ")]
    [InlineData("nrc-square.png")]
    public void A_logo_that_is_not_https_or_data_is_removed_with_a_warning(string logo)
    {
        var (item, entity) = TestPipelines.Apply(new LogoRepair(), Sample.Replace("https://www.nrc.example.ac.za/img/nrc-square.png", logo, StringComparison.Ordinal));

        Assert.Empty(entity.GetElementsByTagName("Logo", SamlNamespaces.Ui));
        Assert.Equal(LogoRepair.Rule, Assert.Single(item.Messages).RuleId);
        Assert.NotEmpty(entity.GetElementsByTagName("DisplayName", SamlNamespaces.Ui));
    }

    [Theory]
    [InlineData("https://www.nrc.example.ac.za/img/nrc-square.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void An_https_or_data_logo_stays(string logo)
    {
        var (item, entity) = TestPipelines.Apply(new LogoRepair(), Sample.Replace("https://www.nrc.example.ac.za/img/nrc-square.png", logo, StringComparison.Ordinal));

        Assert.Empty(item.Messages);
        Assert.Single(entity.GetElementsByTagName("Logo", SamlNamespaces.Ui));
    }
}
