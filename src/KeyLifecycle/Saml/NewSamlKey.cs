using System.Security.Cryptography.X509Certificates;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>A new SAML signing key and its self-signed certificate.</summary>
/// <param name="Certificate">The certificate, without private key.</param>
/// <param name="KeyReference">Where the hub finds the private key: a PKCS#11 URI, or a key file's path.</param>
public sealed record NewSamlKey(X509Certificate2 Certificate, string KeyReference);
