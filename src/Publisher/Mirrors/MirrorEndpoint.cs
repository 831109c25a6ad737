namespace Fedmd.Publisher.Mirrors;

/// <summary>A WebDAV mirror and the credentials for its mutually authenticated TLS.</summary>
/// <param name="Name">A short name for logs and the run report.</param>
/// <param name="BaseUrl">The https URL of the mirror's upload directory, ending in <c>/</c>.</param>
/// <param name="ClientCertificateFile">The publisher's client certificate (PEM), issued by the mirror's client CA.</param>
/// <param name="ClientKeyFile">Its private key (PEM); must be readable by its owner only.</param>
/// <param name="ServerCaFile">The only CA (PEM) trusted to have issued the mirror's server certificate.</param>
/// <param name="ServerCrlFile">That CA's CRL (PEM or DER); the server certificate is refused when it is revoked, or the CRL is unsigned by the CA or past its nextUpdate.</param>
/// <param name="Timeout">How long one request may take.</param>
public sealed record MirrorEndpoint(string Name, Uri BaseUrl, string ClientCertificateFile, string ClientKeyFile, string ServerCaFile, string ServerCrlFile, TimeSpan Timeout);
