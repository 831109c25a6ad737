namespace Fedmd.Metadata.Xml;

/// <summary>Namespace URIs of SAML metadata and the extensions a federation aggregate uses.</summary>
public static class SamlNamespaces
{
    /// <summary>SAML 2.0 metadata (<c>md:</c>).</summary>
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";

    /// <summary>SAML 2.0 assertion (<c>saml:</c>), used inside entity attributes.</summary>
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";

    /// <summary>Metadata registration and publication information (<c>mdrpi:</c>).</summary>
    public const string Rpi = "urn:oasis:names:tc:SAML:metadata:rpi";

    /// <summary>Metadata user interface (<c>mdui:</c>).</summary>
    public const string Ui = "urn:oasis:names:tc:SAML:metadata:ui";

    /// <summary>Metadata entity attributes (<c>mdattr:</c>).</summary>
    public const string Attribute = "urn:oasis:names:tc:SAML:metadata:attribute";

    /// <summary>Shibboleth metadata extensions (<c>shibmd:</c>), for Scope.</summary>
    public const string Shibboleth = "urn:mace:shibboleth:metadata:1.0";

    /// <summary>XML Signature (<c>ds:</c>).</summary>
    public const string DSig = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>The XML namespace, for <c>xml:lang</c>.</summary>
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>XML Schema instance, for <c>xsi:type</c>.</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>REFEDS metadata extensions (<c>remd:</c>), for the security contact type.</summary>
    public const string Refeds = "http://refeds.org/metadata";
}
