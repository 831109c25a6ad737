namespace Fedmd.Aggregator.Model;

/// <summary>One role descriptor (IDPSSODescriptor, SPSSODescriptor, AttributeAuthorityDescriptor, …).</summary>
/// <param name="Kind">The element's local name, e.g. <c>IDPSSODescriptor</c>.</param>
/// <param name="Endpoints">Every endpoint location of the role.</param>
/// <param name="Keys">The role's KeyDescriptors.</param>
/// <param name="Scopes">The <c>shibmd:Scope</c> elements in the role's Extensions.</param>
/// <param name="DisplayNames">The <c>mdui:DisplayName</c> values.</param>
/// <param name="Descriptions">The <c>mdui:Description</c> values.</param>
/// <param name="Logos">The <c>mdui:Logo</c> URLs as written.</param>
public sealed record RoleModel(
    string Kind,
    IReadOnlyList<EndpointModel> Endpoints,
    IReadOnlyList<KeyDescriptorModel> Keys,
    IReadOnlyList<ScopeModel> Scopes,
    IReadOnlyList<TextModel> DisplayNames,
    IReadOnlyList<TextModel> Descriptions,
    IReadOnlyList<string> Logos)
{
    /// <summary>Local name of the identity provider role.</summary>
    public const string IdentityProviderKind = "IDPSSODescriptor";

    /// <summary>Whether this is an identity provider role.</summary>
    public bool IsIdentityProvider => Kind == IdentityProviderKind;
}
