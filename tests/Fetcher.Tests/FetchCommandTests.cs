using System.Text.Json;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Http;

namespace Fedmd.Tests.Fetcher;

/// <summary>`fedmd fetch` as a participant runs it from cron: exit codes, one clear line, and the JSON status.</summary>
public sealed class FetchCommandTests : FeedServerTest
{
    private readonly SignedFeeds _federation = new("federation signer");

    [Fact]
    public void A_verified_fetch_exits_0_and_reports_json_status()
    {
        var certificate = TestCertificates.WritePem(_federation.Certificate, Directory.Combine("signer.crt"));
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(10)), "\"v1\""));

        var result = Fetch("--cert", certificate, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        using var status = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("updated", status.RootElement.GetProperty("action").GetString());
        Assert.True(status.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal(200, status.RootElement.GetProperty("httpStatus").GetInt32());
        Assert.StartsWith("SHA256:", status.RootElement.GetProperty("fingerprint").GetString(), StringComparison.Ordinal);
        Assert.True(status.RootElement.GetProperty("bytes").GetInt64() > 0);
        Assert.NotNull(status.RootElement.GetProperty("validUntil").GetString());
    }

    [Fact]
    public void A_fingerprint_pin_of_the_signing_certificate_is_enough()
    {
        Server.Serve(new FeedResponse(_federation.SignedFeed(TimeSpan.FromDays(10)), "\"v1\""));
        var fingerprint = Fedmd.Metadata.Values.CertificateFingerprint.Of(_federation.Certificate, Fedmd.Metadata.Values.FingerprintAlgorithm.Sha256);

        var result = Fetch("--fingerprint", fingerprint.ToString());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("updated", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_document_exits_1_with_one_line_and_a_network_failure_exits_3()
    {
        var certificate = TestCertificates.WritePem(_federation.Certificate, Directory.Combine("signer.crt"));
        Server.Serve(new FeedResponse(new SignedFeeds("attacker").SignedFeed(TimeSpan.FromDays(10)), "\"evil\""));
        var rejected = Fetch("--cert", certificate);

        Server.Serve(new FeedResponse([], "\"x\"", Status: 503));
        var unavailable = Fetch("--cert", certificate, "--json");

        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("rejected", rejected.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, unavailable.ExitCode);
        using var status = JsonDocument.Parse(unavailable.StandardOutput);
        Assert.Equal("kept-previous", status.RootElement.GetProperty("action").GetString());
    }

    [Fact]
    public void Plain_http_without_allow_http_is_a_usage_error()
    {
        var certificate = TestCertificates.WritePem(_federation.Certificate, Directory.Combine("signer.crt"));

        var result = FedmdCli.Run(["fetch", "--url", Server.FeedUrl.ToString(), "--cert", certificate, "--out", Directory.Combine("x.xml")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--allow-http", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void No_pinned_key_is_a_usage_error()
    {
        var result = Fetch();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pin at least one key", result.StandardError, StringComparison.Ordinal);
    }

    private ToolResult Fetch(params string[] extra) =>
        FedmdCli.Run(["fetch", "--url", Server.FeedUrl.ToString(), "--out", Directory.Combine("federation-metadata.xml"), "--allow-http", .. extra]);
}
