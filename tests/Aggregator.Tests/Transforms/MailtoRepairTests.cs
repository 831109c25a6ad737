using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class MailtoRepairTests
{
    private static string Sample => File.ReadAllText(Samples.Good("idp-nrc.xml"));

    [Fact]
    public void A_bare_address_gets_mailto_with_a_warning_and_the_others_are_left_alone()
    {
        var (item, entity) = TestPipelines.Apply(new MailtoRepair(), Sample.Replace("mailto:soc@", " soc@", StringComparison.Ordinal));

        var addresses = entity.GetElementsByTagName("EmailAddress", SamlNamespaces.Metadata).Cast<System.Xml.XmlElement>().Select(e => e.InnerText).ToList();
        Assert.Equal(["mailto:rc-identity@nrc.example.ac.za", "mailto:itsupport@nrc.example.ac.za", "mailto:soc@nrc.example.ac.za"], addresses);
        var message = Assert.Single(item.Messages);
        Assert.Equal((MailtoRepair.Rule, Severity.Warning), (message.RuleId, message.Severity));
    }

    [Fact]
    public void Text_that_is_not_an_address_is_not_turned_into_one()
    {
        Assert.Empty(TestPipelines.Apply(new MailtoRepair(), Sample.Replace("mailto:soc@nrc.example.ac.za", "call the SOC", StringComparison.Ordinal)).Item.Messages);
    }
}
