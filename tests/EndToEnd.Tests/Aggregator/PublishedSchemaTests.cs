using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

/// <summary>
/// The published feeds, with the injected RegistrationInfo, are schema-valid for an implementation that is not ours:
/// libxml2's xmllint, offline, with a catalog pointing the W3C schema URLs at the Debian copies.
/// </summary>
public class PublishedSchemaTests
{
    private static readonly TestToken Token = TestHsm.CreateToken("schema");

    private const string Wrapper = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:fedmd:test:wrapper">
          <xs:import namespace="urn:oasis:names:tc:SAML:2.0:metadata" schemaLocation="/usr/share/xml/opensaml/saml-schema-metadata-2.0.xsd"/>
          <xs:import namespace="urn:oasis:names:tc:SAML:metadata:rpi" schemaLocation="/usr/share/xml/opensaml/saml-metadata-rpi-v1.0.xsd"/>
          <xs:import namespace="urn:oasis:names:tc:SAML:metadata:ui" schemaLocation="/usr/share/xml/opensaml/sstc-saml-metadata-ui-v1.0.xsd"/>
          <xs:import namespace="urn:oasis:names:tc:SAML:metadata:attribute" schemaLocation="/usr/share/xml/opensaml/sstc-metadata-attr.xsd"/>
          <xs:import namespace="urn:mace:shibboleth:metadata:1.0" schemaLocation="/usr/share/xml/shibboleth/shibboleth-metadata-1.0.xsd"/>
        </xs:schema>
        """;

    private const string Catalog = """
        <?xml version="1.0"?>
        <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
          <uri name="http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd" uri="file:///usr/share/xml/xmltooling/xmldsig-core-schema.xsd"/>
          <uri name="http://www.w3.org/TR/2002/REC-xmlenc-core-20021210/xenc-schema.xsd" uri="file:///usr/share/xml/xmltooling/xenc-schema.xsd"/>
          <uri name="http://www.w3.org/2001/xml.xsd" uri="file:///usr/share/xml/xmltooling/xml.xsd"/>
        </catalog>
        """;

    [Fact]
    public void Both_feeds_validate_with_xmllint()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples(AggregatorWorkspace.AllSampleNames());
        workspace.AddBad("carries-signature-and-registrationinfo.xml");
        Assert.Equal(0, workspace.Run("run", "--once").ExitCode);
        using var schemas = new TemporaryDirectory();
        File.WriteAllText(schemas.Combine("wrapper.xsd"), Wrapper);
        File.WriteAllText(schemas.Combine("catalog.xml"), Catalog);

        var result = ExternalTool.Run("xmllint",
            ["--nonet", "--noout", "--schema", schemas.Combine("wrapper.xsd"), workspace.Published("federation-metadata.xml"), workspace.Published("idp-proxies.xml")],
            new Dictionary<string, string?> { ["XML_CATALOG_FILES"] = schemas.Combine("catalog.xml") });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("federation-metadata.xml validates", result.Output, StringComparison.Ordinal);
        Assert.Contains("idp-proxies.xml validates", result.Output, StringComparison.Ordinal);
    }
}
