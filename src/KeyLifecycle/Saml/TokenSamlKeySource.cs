using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Signing;
using Fedmd.Verification;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// Generates the new SAML signing key on the token, then has the token sign its self-signed certificate: the private
/// key exists nowhere else.
/// </summary>
/// <param name="generator">Makes the key pair on the token.</param>
/// <param name="open">Opens a key on the token by its URI, to sign the certificate.</param>
/// <param name="rsaBits">The key size (3072 by default).</param>
/// <param name="clock">Names the key: <c>saml-signing-YYYYMMDDTHHMMSSZ</c>.</param>
public sealed class TokenSamlKeySource(ITokenKeyGenerator generator, Func<Pkcs11KeyUri, IHsmKey> open, int rsaBits, TimeProvider clock) : ISamlKeySource
{
    /// <inheritdoc />
    public NewSamlKey Create(string entityId, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        var label = $"saml-signing-{clock.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        var uri = generator.GenerateRsa(label, rsaBits);
        using var key = new HsmRsa(open(uri), SignatureMethod.Default);
        return new NewSamlKey(SelfSignedCertificate.Create(key, CertificateSubject.For(entityId), notBefore, lifetime), uri.ToString());
    }
}
