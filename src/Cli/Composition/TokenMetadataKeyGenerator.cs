using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Signing;
using Fedmd.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>
/// Generates the next metadata signing key on the token of the current one, and has the token sign its self-signed
/// certificate: the private key exists nowhere else. Loads the module for the one generation and unloads it after.
/// </summary>
/// <param name="pin">The token's user PIN.</param>
/// <param name="rsaBits">The key size (<c>Rollover:KeyBits</c>).</param>
/// <param name="subject">The certificate's common name, e.g. the federation's name and "metadata signer".</param>
/// <param name="lifetime">How long the certificate is valid (<c>Rollover:CertificateLifetime</c>).</param>
/// <param name="clock">Dates the certificate and names the key: <c>metadata-signing-YYYYMMDDTHHMMSSZ</c>.</param>
internal sealed class TokenMetadataKeyGenerator(IPinSource pin, int rsaBits, string subject, TimeSpan lifetime, TimeProvider clock) : IMetadataKeyGenerator
{
    /// <inheritdoc />
    public MetadataSigningKey Generate(MetadataSigningKey current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var token = Pkcs11KeyUri.Parse(current.KeyUri);
        var now = clock.GetUtcNow();
        using var module = Pkcs11Module.Load(token.ModulePath);
        var uri = new Pkcs11KeyPairGenerator(module, token, pin).GenerateRsa($"metadata-signing-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", rsaBits);
        using var key = new Pkcs11Key(module, uri, pin);
        using var rsa = new HsmRsa(key, SignatureMethod.Default);
        return new MetadataSigningKey(uri.ToString(), SelfSignedCertificate.Create(rsa, subject, now, lifetime));
    }
}
