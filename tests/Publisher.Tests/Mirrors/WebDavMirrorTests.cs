using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Mirrors;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Retries;
using Fedmd.Publisher.Targets;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Mirrors;

public sealed class WebDavMirrorTests(WebDavMirrorFixture mirror) : IClassFixture<WebDavMirrorFixture>, IDisposable
{
    private readonly TestFeeds _feeds = new();

    [Fact]
    public async Task A_good_push_is_moved_into_place_fetched_back_and_verified()
    {
        var publication = _feeds.Publication(1);
        using var client = MirrorHttpClientFactory.Create(mirror.GoodEndpoint(), TimeProvider.System);

        await new WebDavMirrorTarget(mirror.GoodEndpoint(), client, _feeds.Verifier).PublishAsync(publication, CancellationToken.None);

        var mirrored = Path.Combine(mirror.MirrorRoot, "federation-metadata.xml");
        Assert.Equal(publication.Feeds[0].Content.ToArray(), File.ReadAllBytes(mirrored));
        Assert.Equal("publication 1\n", File.ReadAllText(Path.Combine(mirror.MirrorRoot, "fingerprint.txt")));
        Assert.Empty(Directory.GetFiles(mirror.MirrorRoot, ".*"));
        var certificate = TestCertificates.WritePem(_feeds.Certificate, Path.Combine(mirror.MirrorRoot, "..", "signer.pem"));
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(mirrored, certificate), "xmlsec1 rejects the mirrored feed");
        Assert.Contains("\"MOVE /upload/.federation-metadata.xml.", File.ReadAllText(Path.Combine(mirror.MirrorRoot, "..", "nginx", "access.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_without_a_certificate_is_refused_and_nothing_is_written()
    {
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateChainPolicy = TrustOnly(mirror.Pki.ServerCaFile),
            },
        };
        using var client = new HttpClient(handler);

        using var response = await client.PutAsync(new Uri(mirror.UploadUrl, "anonymous.xml"), new ByteArrayContent("<x/>"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("No required SSL certificate was sent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(mirror.MirrorRoot, "anonymous.xml")));
    }

    [Fact]
    public async Task A_revoked_client_certificate_is_refused_and_nothing_is_written()
    {
        var failure = await RefusedPush("revoked", mirror.Pki.RevokedClientCertificateFile, mirror.Pki.RevokedClientKeyFile, mirror.Pki.ServerCaFile);

        Assert.Contains("PUT federation-metadata.xml answered 400", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(mirror.MirrorRoot, "revoked")));
        Assert.Contains("certificate revoked", mirror.ErrorLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_certificate_from_a_ca_other_than_the_configured_one_is_refused_by_the_publisher()
    {
        var failure = await RefusedPush("unknown-ca", mirror.Pki.GoodClientCertificateFile, mirror.Pki.GoodClientKeyFile, mirror.Pki.OtherCaFile, mirror.OtherCaCrlFile);

        Assert.Contains("The SSL connection could not be established", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the server certificate is not trusted", failure.Message, StringComparison.Ordinal);
        Assert.Contains("errors in the certificate chain", failure.Message, StringComparison.Ordinal);
        Assert.Contains(mirror.Pki.OtherCaFile, failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(mirror.MirrorRoot, "unknown-ca")));
    }

    [Fact]
    public void A_client_key_readable_by_others_is_refused_before_connecting()
    {
        using var directory = new TemporaryDirectory();
        var key = directory.Combine("client.key");
        File.Copy(mirror.Pki.GoodClientKeyFile, key);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var endpoint = mirror.Endpoint("loose-key", mirror.Pki.GoodClientCertificateFile, key, mirror.Pki.ServerCaFile);

        var failure = Assert.Throws<FedmdException>(() => MirrorHttpClientFactory.Create(endpoint, TimeProvider.System));

        Assert.Equal(FailureKind.Configuration, failure.Kind);
        Assert.Contains($"chmod 600 {key}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_mirror_does_not_stop_the_others_and_each_outcome_is_reported()
    {
        var deadUrl = new Uri($"https://127.0.0.1:{NginxServer.FreePort()}/upload/");
        var dead = mirror.Endpoint("dead", mirror.Pki.GoodClientCertificateFile, mirror.Pki.GoodClientKeyFile, mirror.Pki.ServerCaFile, deadUrl);
        var live = mirror.Endpoint("live", mirror.Pki.GoodClientCertificateFile, mirror.Pki.GoodClientKeyFile, mirror.Pki.ServerCaFile,
            new Uri(mirror.UploadUrl, "live/"));
        using var deadClient = MirrorHttpClientFactory.Create(dead, TimeProvider.System);
        using var liveClient = MirrorHttpClientFactory.Create(live, TimeProvider.System);
        var pauses = new RecordingPause();
        var policy = new BackoffPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var publication = _feeds.Publication(4);
        var dispatcher = new PublicationDispatcher(new NullTarget(), [
            new RetryingTarget(new WebDavMirrorTarget(dead, deadClient, _feeds.Verifier), policy, pauses),
            new RetryingTarget(new WebDavMirrorTarget(live, liveClient, _feeds.Verifier), policy, pauses),
        ]);

        var outcomes = await dispatcher.PublishAsync(publication, CancellationToken.None);

        Assert.Equal(["null: published", "mirror dead: FAILED", "mirror live: published"],
            outcomes.Select(o => o.ToString().Split(": FAILED")[0] + (o.Succeeded ? string.Empty : ": FAILED")));
        Assert.Contains("after 3 attempts", outcomes[1].Failure, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], pauses.Delays);
        Assert.Equal(publication.Feeds[0].Content.ToArray(), File.ReadAllBytes(Path.Combine(mirror.MirrorRoot, "live", "federation-metadata.xml")));
    }

    public void Dispose() => _feeds.Dispose();

    /// <summary>Pushes into the mirror directory <paramref name="name"/> with these credentials, expecting a refusal.</summary>
    private async Task<FedmdException> RefusedPush(string name, string certificate, string key, string serverCa, string? serverCrl = null)
    {
        var endpoint = mirror.Endpoint(name, certificate, key, serverCa, new Uri(mirror.UploadUrl, name + "/"), serverCrl);
        using var client = MirrorHttpClientFactory.Create(endpoint, TimeProvider.System);
        return await Assert.ThrowsAsync<FedmdException>(() =>
            new WebDavMirrorTarget(endpoint, client, _feeds.Verifier).PublishAsync(_feeds.Publication(2), CancellationToken.None));
    }

    private static X509ChainPolicy TrustOnly(string caFile)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.ImportFromPemFile(caFile);
        return policy;
    }

    private sealed class NullTarget : IPublicationTarget
    {
        public string Name => "null";

        public Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
