using Fedmd.KeyLifecycle.Saml;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;

namespace Fedmd.Cli.Composition;

/// <summary>
/// Generates the new SAML key on the configured token: loads the PKCS#11 module for the one generation and
/// certificate signature, and unloads it afterwards (a command process loads a module once).
/// </summary>
internal sealed class ModuleOwningKeySource(Pkcs11KeyUri token, IPinSource pin, int rsaBits, TimeProvider clock) : ISamlKeySource
{
    /// <inheritdoc />
    public NewSamlKey Create(string entityId, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        using var module = Pkcs11Module.Load(token.ModulePath);
        var opened = new List<Pkcs11Key>();
        try
        {
            var source = new TokenSamlKeySource(new Pkcs11KeyPairGenerator(module, token, pin), uri =>
            {
                var key = new Pkcs11Key(module, uri, pin);
                opened.Add(key);
                return key;
            }, rsaBits, clock);
            return source.Create(entityId, notBefore, lifetime);
        }
        finally
        {
            opened.ForEach(k => k.Dispose());
        }
    }
}
