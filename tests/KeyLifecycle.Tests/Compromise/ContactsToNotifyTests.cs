using Fedmd.KeyLifecycle.Compromise;
using Fedmd.TestSupport;

namespace Fedmd.Tests.KeyLifecycle.Compromise;

/// <summary>The contacts file lists technical and REFEDS security contacts only, and is safe to open in a spreadsheet.</summary>
public sealed class ContactsToNotifyTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Technical_and_security_contacts_are_listed_and_formulas_neutralised()
    {
        var registry = _directory.Combine("registry");
        Directory.CreateDirectory(registry);
        File.WriteAllText(Path.Combine(registry, "sp.xml"), """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:remd="http://refeds.org/metadata" entityID="https://sp.example.org/sp">
              <md:ContactPerson contactType="technical"><md:EmailAddress>mailto:=HYPERLINK("x")@example.org</md:EmailAddress></md:ContactPerson>
              <md:ContactPerson contactType="other" remd:contactType="http://refeds.org/metadata/contactType/security"><md:EmailAddress>csirt@example.org</md:EmailAddress></md:ContactPerson>
              <md:ContactPerson contactType="other"><md:EmailAddress>other@example.org</md:EmailAddress></md:ContactPerson>
              <md:ContactPerson contactType="administrative"><md:EmailAddress>admin@example.org</md:EmailAddress></md:ContactPerson>
            </md:EntityDescriptor>
            """);
        var csv = _directory.Combine(ContactsToNotify.FileName);

        var rows = ContactsToNotify.Write(registry, 1024 * 1024, null, csv);

        Assert.Equal(2, rows);
        Assert.Equal(
            ["entityID,contactType,email", "https://sp.example.org/sp,security,csirt@example.org", "https://sp.example.org/sp,technical,\"'=HYPERLINK(\"\"x\"\")@example.org\""],
            File.ReadAllLines(csv));
        Assert.Equal(0, ContactsToNotify.Write(registry, 1024 * 1024, new HashSet<string> { "https://other.example.org" }, csv));
    }

    public void Dispose() => _directory.Dispose();
}
