using Fedmd.Publisher.Mirrors;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Mirrors;

/// <summary>
/// A test PKI and a real nginx running the shipped WebDAV mirror template with mutual TLS and a CRL; the publisher's
/// side gets the server CA's CRL (and the unrelated CA's) issued by openssl, revoking nothing.
/// </summary>
public sealed class WebDavMirrorFixture : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly NginxServer _nginx;

    public WebDavMirrorFixture()
    {
        Pki = new TestPki(System.IO.Directory.CreateDirectory(_directory.Combine("pki")).FullName);
        ServerCrlFile = OpensslCrl.Issue(Pki.Directory, Pki.ServerCaFile, Pki.ServerCaKeyFile, [], "server-ca.crl");
        OtherCaCrlFile = OpensslCrl.Issue(Pki.Directory, Pki.OtherCaFile, Pki.OtherCaKeyFile, [], "other-ca.crl");
        MirrorRoot = System.IO.Directory.CreateDirectory(_directory.Combine("mirror-root")).FullName;
        var bodyTemp = System.IO.Directory.CreateDirectory(_directory.Combine("mirror-body-temp")).FullName;
        Port = NginxServer.FreePort();
        var server = DeployTemplate.Render("fedmd-mirror-webdav.conf.template", new Dictionary<string, string>
        {
            ["SERVER_NAME"] = "127.0.0.1",
            ["HTTPS_LISTEN"] = $"127.0.0.1:{Port}",
            ["TLS_CERTIFICATE"] = Pki.ServerCertificateFile,
            ["TLS_KEY"] = Pki.ServerKeyFile,
            ["CLIENT_CA"] = Pki.ClientCaFile,
            ["CLIENT_CRL"] = Pki.ClientCrlFile,
            ["MIRROR_ROOT"] = MirrorRoot,
            ["UPLOAD_PATH"] = "/upload/",
            ["BODY_TEMP"] = bodyTemp,
        });
        _nginx = new NginxServer(System.IO.Directory.CreateDirectory(_directory.Combine("nginx")).FullName, server, [Port]);
    }

    public TestPki Pki { get; }

    /// <summary>The server CA's current CRL (openssl, 24 hours, nothing revoked).</summary>
    public string ServerCrlFile { get; }

    /// <summary>The unrelated CA's current CRL.</summary>
    public string OtherCaCrlFile { get; }

    public string MirrorRoot { get; }

    public string AccessLog => File.ReadAllText(Path.Combine(_nginx.Prefix, "access.log"));

    public int Port { get; }

    public Uri UploadUrl => new($"https://127.0.0.1:{Port}/upload/");

    public string ErrorLog => File.ReadAllText(_nginx.ErrorLog);

    /// <summary>An endpoint for this mirror with the given client credentials, trusted server CA and its CRL (by default the server CA's).</summary>
    public MirrorEndpoint Endpoint(string name, string certificate, string key, string serverCa, Uri? url = null, string? serverCrl = null) =>
        new(name, url ?? UploadUrl, certificate, key, serverCa, serverCrl ?? ServerCrlFile, TimeSpan.FromSeconds(20));

    /// <summary>The good client credentials, pushing into the mirror directory <paramref name="directory"/>, checked against <paramref name="serverCrl"/>.</summary>
    public MirrorEndpoint EndpointIn(string directory, string? serverCrl = null) =>
        Endpoint(directory, Pki.GoodClientCertificateFile, Pki.GoodClientKeyFile, Pki.ServerCaFile, new Uri(UploadUrl, directory + "/"), serverCrl);

    public MirrorEndpoint GoodEndpoint(string name = "test") => Endpoint(name, Pki.GoodClientCertificateFile, Pki.GoodClientKeyFile, Pki.ServerCaFile);

    public void Dispose()
    {
        _nginx.Dispose();
        _directory.Dispose();
    }
}
