using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;

namespace Fedmd.Publisher.Mirrors;

/// <summary>
/// Builds the HTTP client for one mirror: TLS 1.2 or 1.3 only, the publisher's client certificate, and a server
/// certificate accepted only when it chains to the mirror's configured CA (the system trust store is not used), names
/// the mirror's host, and is not revoked by that CA's current CRL (<see cref="ServerRevocationCheck"/>).
/// </summary>
public static class MirrorHttpClientFactory
{
    /// <summary>Creates the client; the caller disposes it. <paramref name="clock"/> judges the CRL's nextUpdate.</summary>
    /// <exception cref="FedmdException">A credential file is missing, unreadable, the key file is not owner-only, or the CRL is not the server CA's (exit 2).</exception>
    public static HttpClient Create(MirrorEndpoint endpoint, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var chainPolicy = ServerChainPolicy(endpoint);
        RequireFile(endpoint, endpoint.ServerCrlFile, "server CRL");
        var revocation = new ServerRevocationCheck(endpoint, chainPolicy.CustomTrustStore, clock);
        revocation.RequireUsableList();
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificateContext = SslStreamCertificateContext.Create(LoadClientCertificate(endpoint), additionalCertificates: null, offline: true),
                CertificateChainPolicy = chainPolicy,
                RemoteCertificateValidationCallback = revocation.Validate,
            },
            ConnectTimeout = endpoint.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = endpoint.Timeout };
    }

    private static X509Certificate2 LoadClientCertificate(MirrorEndpoint endpoint)
    {
        RequireFile(endpoint, endpoint.ClientCertificateFile, "client certificate");
        RequireFile(endpoint, endpoint.ClientKeyFile, "client key");
        KeyFilePermissions.RequireOwnerOnly(endpoint.ClientKeyFile, $"mirror {endpoint.Name}: client key file");
        try
        {
            return X509Certificate2.CreateFromPemFile(endpoint.ClientCertificateFile, endpoint.ClientKeyFile);
        }
        catch (CryptographicException e)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"mirror {endpoint.Name}: {endpoint.ClientCertificateFile} and {endpoint.ClientKeyFile} are not a PEM certificate and its matching private key ({e.Message})", e);
        }
    }

    private static X509ChainPolicy ServerChainPolicy(MirrorEndpoint endpoint)
    {
        RequireFile(endpoint, endpoint.ServerCaFile, "server CA");
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // Revocation is judged against the configured CRL only (ServerRevocationCheck): nothing is fetched or cached.
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        try
        {
            policy.CustomTrustStore.ImportFromPemFile(endpoint.ServerCaFile);
        }
        catch (CryptographicException e)
        {
            throw new FedmdException(FailureKind.Configuration, $"mirror {endpoint.Name}: server CA file {endpoint.ServerCaFile} is not PEM ({e.Message})", e);
        }

        if (policy.CustomTrustStore.Count == 0)
        {
            throw new FedmdException(FailureKind.Configuration, $"mirror {endpoint.Name}: server CA file {endpoint.ServerCaFile} holds no certificate");
        }

        return policy;
    }

    private static void RequireFile(MirrorEndpoint endpoint, string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new FedmdException(FailureKind.Configuration, $"mirror {endpoint.Name}: {what} file {path} does not exist");
        }
    }
}
