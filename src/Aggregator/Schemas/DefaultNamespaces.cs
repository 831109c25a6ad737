using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Schemas;

/// <summary>The namespaces an entity may use without a warning, unless configured otherwise.</summary>
public static class DefaultNamespaces
{
    /// <summary>SAML metadata and the extensions in common federation use.</summary>
    public static readonly IReadOnlyList<string> Allowed =
    [
        SamlNamespaces.Metadata, SamlNamespaces.Assertion, SamlNamespaces.Rpi, SamlNamespaces.Ui, SamlNamespaces.Attribute,
        SamlNamespaces.Shibboleth, SamlNamespaces.DSig, SamlNamespaces.Xml, SamlNamespaces.Xsi, SamlNamespaces.Refeds,
        "http://www.w3.org/2001/04/xmlenc#", "http://www.w3.org/2009/xmlenc11#", "http://www.w3.org/2009/xmldsig11#",
        "urn:oasis:names:tc:SAML:metadata:algsupport", "urn:oasis:names:tc:SAML:profiles:SSO:idp-discovery-protocol",
        "urn:oasis:names:tc:SAML:profiles:SSO:request-init", "http://www.w3.org/2001/XMLSchema",
    ];
}
