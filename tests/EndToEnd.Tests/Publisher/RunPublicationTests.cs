using System.Text.Json;
using System.Text.Json.Nodes;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Publisher;

public sealed class RunPublicationTests : IDisposable
{
    private static readonly TestToken Token = TestHsm.CreateToken("e2e-publish");
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Run_once_publishes_the_feed_with_fingerprint_files_advisory_report_and_a_history_version()
    {
        var configuration = new PublisherConfiguration(_directory, Token);

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"local {configuration.WebRoot}: published", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(configuration.Feed, Token.CertificateFile), "xmlsec1 rejects the published feed");
        foreach (var name in new[] { "metadata-signer.crt", "fingerprint.html", "fingerprint.txt", "fingerprint.json", "advisory.html", "report.json", "report.txt" })
        {
            Assert.True(File.Exists(Path.Combine(configuration.WebRoot, name)), $"{name} was not published");
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(configuration.WebRoot, "fingerprint.json")));
        var feed = json.RootElement.GetProperty("feeds")[0];
        Assert.Equal("https://md.example.org/federation-metadata.xml", feed.GetProperty("url").GetString());
        Assert.Equal(CertificateFingerprint.Of(Token.Certificate, FingerprintAlgorithm.Sha256).ToDisplayString(),
            feed.GetProperty("signingCertificate").GetProperty("sha256").GetString());
        var version = Assert.Single(Directory.GetDirectories(Path.Combine(configuration.WebRoot, "history")));
        Assert.Equal(File.ReadAllBytes(configuration.Feed), File.ReadAllBytes(Path.Combine(version, "federation-metadata.xml")));
        Assert.StartsWith("fedmd run report", File.ReadAllText(Path.Combine(version, "report.txt")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(configuration.WebRoot, "report.json")), File.ReadAllBytes(Path.Combine(version, "report.json")));
    }

    [Fact]
    public void A_web_root_holding_a_pin_file_refuses_to_start_and_publishes_nothing()
    {
        var configuration = new PublisherConfiguration(_directory, Token);
        Directory.CreateDirectory(configuration.WebRoot);
        var leaked = Path.Combine(configuration.WebRoot, "user.pin");
        File.Copy(Token.PinFile, leaked);

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"refusing to publish: {leaked}", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(configuration.Feed));
    }

    [Fact]
    public void A_mirror_over_plain_http_is_a_configuration_error_naming_the_key()
    {
        var configuration = new PublisherConfiguration(_directory, Token, publish =>
            publish["Mirrors"] = new JsonArray(new JsonObject
            {
                ["Name"] = "plain",
                ["Url"] = "http://mirror.example.org/upload/",
                ["ClientCertificateFile"] = "c.crt",
                ["ClientKeyFile"] = "c.key",
                ["ServerCaFile"] = "ca.crt",
                ["ServerCrlFile"] = "ca.crl",
            }));

        var result = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Publish:Mirrors[0]:Url: must be an https URL", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
