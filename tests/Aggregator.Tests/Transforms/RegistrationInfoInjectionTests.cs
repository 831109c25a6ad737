using System.Xml;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Transforms;

public class RegistrationInfoInjectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 30, 15, 500, TimeSpan.Zero);

    private static XmlElement Inject(string xml, RegistrationLedger ledger)
    {
        var (_, entity) = TestPipelines.Apply(new RegistrationInfoInjection(TestPipelines.Registration), xml, TestPipelines.Context(ledger, Now));
        return (XmlElement)Assert.Single(entity.GetElementsByTagName("RegistrationInfo", SamlNamespaces.Rpi).OfType<XmlElement>());
    }

    [Fact]
    public void A_new_entity_is_registered_now_with_the_policy_in_english()
    {
        var info = Inject(File.ReadAllText(Samples.Good("idp-uni-a.xml")), RegistrationLedger.Empty);

        Assert.Equal("https://fedmd.example.ac.za", info.GetAttribute("registrationAuthority"));
        Assert.Equal("2026-11-22T10:30:15Z", info.GetAttribute("registrationInstant"));
        var policy = (XmlElement)info.FirstChild!;
        Assert.Equal("RegistrationPolicy", policy.LocalName);
        Assert.Equal("en", policy.GetAttribute("lang", SamlNamespaces.Xml));
        Assert.Equal("https://fedmd.example.ac.za/policy", policy.InnerText);
        Assert.Equal("Extensions", ((XmlElement)info.ParentNode!).LocalName);
        Assert.Same(info, info.ParentNode!.FirstChild);
    }

    [Fact]
    public void A_known_entity_keeps_its_first_seen_instant()
    {
        var first = new DateTimeOffset(2019, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var ledger = RegistrationLedger.Empty.WithFirstSeen(["https://idp.uni-a.example.ac.za/idp/shibboleth"], first);

        Assert.Equal("2019-03-04T05:06:07Z", Inject(File.ReadAllText(Samples.Good("idp-uni-a.xml")), ledger).GetAttribute("registrationInstant"));
    }

    [Fact]
    public void Extensions_are_created_first_when_the_entity_has_none()
    {
        var xml = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.ac.za\"><md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/></md:EntityDescriptor>";

        var info = Inject(xml, RegistrationLedger.Empty);

        var extensions = (XmlElement)info.ParentNode!;
        Assert.Same(extensions, extensions.OwnerDocument.DocumentElement!.FirstChild);
        Assert.Equal("md", extensions.Prefix);
    }
}
