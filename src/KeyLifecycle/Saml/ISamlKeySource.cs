namespace Fedmd.KeyLifecycle.Saml;

/// <summary>Where <c>rollover saml plan</c> gets the new key: generated on the token, or the hub's key file.</summary>
public interface ISamlKeySource
{
    /// <summary>Provides the key and a certificate for <paramref name="entityId"/> valid from <paramref name="notBefore"/> for <paramref name="lifetime"/>.</summary>
    NewSamlKey Create(string entityId, DateTimeOffset notBefore, TimeSpan lifetime);
}
