using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Publisher.Local;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Serving;

/// <summary>The shipped web root template, filled in and served by a real nginx, over what the local target publishes.</summary>
public sealed class NginxWebRootTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestFeeds _feeds = new();
    private readonly NginxServer _nginx;
    private readonly HttpClient _client;
    private readonly LocalWebRootTarget _target;
    private readonly string _webRoot;
    private readonly int _httpPort = NginxServer.FreePort();
    private readonly int _httpsPort = NginxServer.FreePort();

    public NginxWebRootTests()
    {
        var pki = new TestPki(Directory.CreateDirectory(_directory.Combine("pki")).FullName);
        _webRoot = Directory.CreateDirectory(_directory.Combine("publish")).FullName;
        _target = new LocalWebRootTarget(_webRoot, 48, []);
        var server = DeployTemplate.Render("fedmd-webroot.conf.template", new Dictionary<string, string>
        {
            ["SERVER_NAME"] = "127.0.0.1",
            ["HTTP_LISTEN"] = $"127.0.0.1:{_httpPort}",
            ["HTTPS_LISTEN"] = $"127.0.0.1:{_httpsPort}",
            ["TLS_CERTIFICATE"] = pki.ServerCertificateFile,
            ["TLS_KEY"] = pki.ServerKeyFile,
            ["WEB_ROOT"] = _webRoot,
            ["FEED_MAX_AGE"] = "21600",
        });
        _nginx = new NginxServer(Directory.CreateDirectory(_directory.Combine("nginx")).FullName, server, [_httpPort, _httpsPort]);
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.ImportFromPemFile(pki.ServerCaFile);
        _client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = new Uri($"https://127.0.0.1:{_httpsPort}/"),
        };
    }

    [Fact]
    public async Task A_feed_is_served_as_saml_metadata_with_validators_caching_aligned_to_cacheDuration_and_hsts()
    {
        var publication = _feeds.Publication(1);
        await _target.PublishAsync(publication, CancellationToken.None);

        using var response = await _client.GetAsync(new Uri("federation-metadata.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/samlmetadata+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(publication.Feeds[0].Content.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(TimeSpan.FromSeconds(publication.Feeds[0].CacheDuration.Value.TotalSeconds), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task A_conditional_get_answers_304_until_the_next_publication_changes_the_file()
    {
        await _target.PublishAsync(_feeds.Publication(1), CancellationToken.None);
        using var first = await _client.GetAsync(new Uri("federation-metadata.xml", UriKind.Relative));

        using var byEtag = await ConditionalGet(r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        using var byDate = await ConditionalGet(r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified);
        await _target.PublishAsync(_feeds.Publication(2), CancellationToken.None);
        using var afterRepublication = await ConditionalGet(r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, byEtag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(byEtag.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.OK, afterRepublication.StatusCode);
        Assert.NotEqual(first.Headers.ETag, afterRepublication.Headers.ETag);
    }

    [Fact]
    public async Task History_reports_and_temporary_files_are_not_served_and_plain_http_redirects_to_https()
    {
        await _target.PublishAsync(_feeds.Publication(1), CancellationToken.None);
        var version = Path.GetFileName(Directory.GetDirectories(Path.Combine(_webRoot, "history")).Single());
        File.WriteAllText(Path.Combine(_webRoot, ".federation-metadata.xml.0123.fedmd-tmp"), "partial");
        using var plain = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var report = await _client.GetAsync(new Uri($"history/{version}/report.txt", UriKind.Relative));
        using var temporary = await _client.GetAsync(new Uri(".federation-metadata.xml.0123.fedmd-tmp", UriKind.Relative));
        using var redirect = await plain.GetAsync(new Uri($"http://127.0.0.1:{_httpPort}/federation-metadata.xml"));

        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, temporary.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("https", redirect.Headers.Location?.Scheme);
    }

    public void Dispose()
    {
        _client.Dispose();
        _nginx.Dispose();
        _feeds.Dispose();
        _directory.Dispose();
    }

    private async Task<HttpResponseMessage> ConditionalGet(Action<HttpRequestMessage> condition)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("federation-metadata.xml", UriKind.Relative));
        condition(request);
        return await _client.SendAsync(request);
    }
}
