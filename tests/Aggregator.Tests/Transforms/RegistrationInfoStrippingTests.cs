using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class RegistrationInfoStrippingTests
{
    [Fact]
    public void A_foreign_registration_info_is_removed_with_a_warning_naming_the_authority()
    {
        var (item, entity) = TestPipelines.Apply(new RegistrationInfoStripping(), File.ReadAllText(Samples.Bad("carries-signature-and-registrationinfo.xml")));

        Assert.Empty(entity.GetElementsByTagName("RegistrationInfo", SamlNamespaces.Rpi));
        var message = Assert.Single(item.Messages);
        Assert.Equal(Severity.Warning, message.Severity);
        Assert.Contains("https://other-federation.example.org", message.Message, StringComparison.Ordinal);
        Assert.NotEmpty(entity.GetElementsByTagName("EntityAttributes", SamlNamespaces.Attribute));
    }
}
