using System.Text.Json.Nodes;
using Fedmd.Tests.Publisher.Mirrors;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Publisher;

/// <summary><c>run --once</c> and <c>advisory publish</c> with a real nginx WebDAV mirror, as configured in fedmd.json.</summary>
public sealed class MirrorPublicationTests(WebDavMirrorFixture mirror) : IClassFixture<WebDavMirrorFixture>, IDisposable
{
    private static readonly TestToken Token = TestHsm.CreateToken("e2e-mirrors");
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void A_pass_publishes_to_the_web_root_and_the_mirror()
    {
        var configuration = WithMirror("good", "good");

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("mirror good: published", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(configuration.Feed), File.ReadAllBytes(Path.Combine(mirror.MirrorRoot, "good", "federation-metadata.xml")));
    }

    [Fact]
    public void A_mirror_whose_server_certificate_is_revoked_fails_the_pass_with_exit_3_after_the_web_root_is_published()
    {
        var revoking = OpensslCrl.Issue(_directory.Path, mirror.Pki.ServerCaFile, mirror.Pki.ServerCaKeyFile, [mirror.Pki.ServerCertificateFile], "revoking.crl");
        var configuration = WithMirror("revoked", "revoked", revoking);

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.True(result.ExitCode == 3, result.Output);
        Assert.Contains($"local {configuration.WebRoot}: published", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("mirror revoked: FAILED", result.StandardOutput, StringComparison.Ordinal);
        var summary = Assert.Single(result.StandardError.Split('\n'), l => l.StartsWith("fedmd: publication incomplete: ", StringComparison.Ordinal));
        Assert.StartsWith($"fedmd: publication incomplete: local {configuration.WebRoot}: published; mirror revoked: failed after 1 attempt: ", summary, StringComparison.Ordinal);
        Assert.Contains("(serial 0A) was revoked at", summary, StringComparison.Ordinal);
        Assert.True(File.Exists(configuration.Feed));
        Assert.False(Directory.Exists(Path.Combine(mirror.MirrorRoot, "revoked")));
    }

    [Fact]
    public void A_dead_mirror_fails_the_pass_with_exit_3_naming_it_while_the_web_root_is_published()
    {
        var dead = new Uri($"https://127.0.0.1:{NginxServer.FreePort()}/upload/");
        var configuration = WithMirror("dead", "dead", url: dead, attempts: 2);

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.True(result.ExitCode == 3, result.Output);
        Assert.Contains("mirror dead: FAILED: mirror dead: failed after 2 attempts", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"fedmd: publication incomplete: local {configuration.WebRoot}: published; mirror dead: failed after 2 attempts", result.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(configuration.Feed));
    }

    [Fact]
    public void A_mirror_client_key_readable_by_others_refuses_to_start()
    {
        var key = _directory.Combine("loose.key");
        File.Copy(mirror.Pki.GoodClientKeyFile, key);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var configuration = WithMirror("loose", "loose", clientKey: key);

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"chmod 600 {key}", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(configuration.Feed));
    }

    [Fact]
    public void A_mirror_without_a_server_crl_is_a_configuration_error_naming_the_key()
    {
        var configuration = WithMirror("no-crl", "no-crl", serverCrl: string.Empty);

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Publish:Mirrors[0]:ServerCrlFile: must name the server CA's CRL", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Advisory_publish_reaches_the_mirror_at_once()
    {
        var configuration = WithMirror("advisory", "advisory");
        var text = _directory.Combine("advisory.txt");
        File.WriteAllText(text, "Key compromise: pin the new certificate now.\n");

        var result = FedmdCli.Run(["advisory", "publish", "--file", text, "--config", configuration.File]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("mirror advisory: published", result.StandardOutput, StringComparison.Ordinal);
        var local = File.ReadAllBytes(Path.Combine(configuration.WebRoot, "advisory.html"));
        Assert.Equal(local, File.ReadAllBytes(Path.Combine(mirror.MirrorRoot, "advisory", "advisory.html")));
        Assert.False(File.Exists(configuration.Feed));
    }

    [Fact]
    public void Advisory_publish_to_a_dead_mirror_keeps_the_local_advisory_and_exits_3()
    {
        var dead = new Uri($"https://127.0.0.1:{NginxServer.FreePort()}/upload/");
        var configuration = WithMirror("dead", "dead", url: dead);
        var text = _directory.Combine("advisory.txt");
        File.WriteAllText(text, "Rotate now.\n");

        var result = FedmdCli.Run(["advisory", "publish", "--file", text, "--config", configuration.File]);

        Assert.True(result.ExitCode == 3, result.Output);
        Assert.Contains($"fedmd: publication incomplete: local {configuration.WebRoot}: published; mirror dead: failed after 1 attempt", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Rotate now.", File.ReadAllText(Path.Combine(configuration.WebRoot, "advisory.html")), StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private PublisherConfiguration WithMirror(string name, string directory, string? serverCrl = null, Uri? url = null, string? clientKey = null, int attempts = 1) =>
        new(_directory, Token, publish =>
        {
            publish["Mirrors"] = new JsonArray(new JsonObject
            {
                ["Name"] = name,
                ["Url"] = (url ?? new Uri(mirror.UploadUrl, directory + "/")).AbsoluteUri,
                ["ClientCertificateFile"] = mirror.Pki.GoodClientCertificateFile,
                ["ClientKeyFile"] = clientKey ?? mirror.Pki.GoodClientKeyFile,
                ["ServerCaFile"] = mirror.Pki.ServerCaFile,
                ["ServerCrlFile"] = serverCrl ?? mirror.ServerCrlFile,
                ["TimeoutSeconds"] = 10,
            });
            publish["MirrorRetry"] = new JsonObject { ["Attempts"] = attempts, ["FirstDelaySeconds"] = 0, ["MaxDelaySeconds"] = 0 };
        });
}
