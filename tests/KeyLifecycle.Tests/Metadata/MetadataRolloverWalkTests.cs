using System.Globalization;
using System.Text.Json;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Http;

namespace Fedmd.Tests.KeyLifecycle.Metadata;

/// <summary>
/// The metadata signing key rollover from announce to finish through the real program on SoftHSM2, with xmlsec1 and
/// <c>fedmd fetch</c> (pinned as a participant pins) judging what each publication serves.
/// </summary>
public sealed class MetadataRolloverWalkTests : IDisposable
{
    private readonly MetadataRolloverWorkspace _workspace = new();

    [Fact]
    public async Task A_participant_pinned_to_both_keys_verifies_throughout_while_one_pinned_to_the_old_key_alone_is_refused_after_the_switch()
    {
        var current = _workspace.Token.CertificateFile;
        var next = _workspace.NextCertificateFile;
        await using var server = await FeedServer.StartAsync();
        var switchAt = DateTimeOffset.UtcNow.AddSeconds(25);

        var announced = _workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", Instant(switchAt), "--certificate", next);
        Assert.True(announced.ExitCode == 0, announced.Output);
        Assert.Contains("object=metadata-signing-next", announced.StandardOutput, StringComparison.Ordinal);
        _workspace.Pass();

        var versioned = _workspace.Published("federation-metadata-next.xml");
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(versioned, next), "the versioned feed verifies with the next certificate before the switch");
        Assert.False(IndependentVerifiers.Xmlsec1Accepts(versioned, current), "the versioned feed is not signed by the current key");
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(_workspace.Published("federation-metadata.xml"), current));
        Assert.Equal(File.ReadAllText(next).Trim(), File.ReadAllText(_workspace.Published("metadata-signer-next.crt")).Trim());
        using (var page = JsonDocument.Parse(File.ReadAllBytes(_workspace.Published("fingerprint.json"))))
        {
            var nextKey = page.RootElement.GetProperty("nextSigningKey");
            Assert.Equal(Instant(switchAt), nextKey.GetProperty("switchAt").GetString());
            Assert.Equal(
                CertificateFingerprint.OfPublicKey(_workspace.NextCertificate, FingerprintAlgorithm.Sha256).ToDisplayString(),
                nextKey.GetProperty("certificate").GetProperty("publicKeySha256").GetString());
        }

        var status = System.Text.Json.Nodes.JsonNode.Parse(_workspace.Fedmd("status", "--skip-hsm", "--json").StandardOutput)!["checks"]!.AsArray();
        Assert.Equal("OK", status.Single(c => c!["subject"]!.GetValue<string>().StartsWith("federation-metadata-next.xml@", StringComparison.Ordinal))!["status"]!.GetValue<string>());
        Assert.Equal("OK", status.Single(c => c!["subject"]!.GetValue<string>().StartsWith("federation-metadata.xml@", StringComparison.Ordinal))!["status"]!.GetValue<string>());

        Assert.Equal(0, Fetch(server, "federation-metadata.xml", "v1", _workspace.Token.Certificate, _workspace.NextCertificate).ExitCode);
        Assert.Equal(0, Fetch(server, "federation-metadata.xml", "v2", _workspace.Token.Certificate).ExitCode);

        await Task.Delay(Until(switchAt));
        var switched = _workspace.Fedmd("rollover", "metadata", "switch");
        Assert.True(switched.ExitCode == 0, switched.Output);
        _workspace.Pass();

        Assert.True(IndependentVerifiers.Xmlsec1Accepts(_workspace.Published("federation-metadata.xml"), next), "after the switch the default name is signed by the new key");
        Assert.False(IndependentVerifiers.Xmlsec1Accepts(_workspace.Published("federation-metadata.xml"), current));
        var both = Fetch(server, "federation-metadata.xml", "v3", _workspace.Token.Certificate, _workspace.NextCertificate);
        Assert.True(both.ExitCode == 0, both.Output);
        var oldOnly = Fetch(server, "federation-metadata.xml", "v4", _workspace.Token.Certificate);
        Assert.True(oldOnly.ExitCode == 1, oldOnly.Output);
        Assert.Equal(File.ReadAllText(current).Trim(), File.ReadAllText(_workspace.Published("metadata-signer-previous.crt")).Trim());
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(versioned, next), "the versioned name keeps working until finish");

        var finished = _workspace.Fedmd("rollover", "metadata", "finish");
        Assert.True(finished.ExitCode == 0, finished.Output);
        _workspace.Pass();

        Assert.False(File.Exists(versioned));
        Assert.False(File.Exists(_workspace.Published("metadata-signer-next.crt")));
        Assert.False(File.Exists(_workspace.Published("metadata-signer-previous.crt")));
        Assert.Equal(File.ReadAllText(next).Trim(), File.ReadAllText(_workspace.Published("metadata-signer.crt")).Trim());
        using var finishedPage = JsonDocument.Parse(File.ReadAllBytes(_workspace.Published("fingerprint.json")));
        Assert.Equal(JsonValueKind.Null, finishedPage.RootElement.GetProperty("previousSigningKey").ValueKind);
        Assert.Equal(JsonValueKind.Null, finishedPage.RootElement.GetProperty("nextSigningKey").ValueKind);
        Assert.Equal(0, Fetch(server, "federation-metadata.xml", "v5", _workspace.NextCertificate).ExitCode);
    }

    public void Dispose() => _workspace.Dispose();

    private ToolResult Fetch(FeedServer server, string feed, string version, params System.Security.Cryptography.X509Certificates.X509Certificate2[] pinned)
    {
        server.Serve(new FeedResponse(File.ReadAllBytes(_workspace.Published(feed)), $"\"{version}\""));
        var pins = pinned.SelectMany(c => new[] { "--fingerprint", MetadataRolloverWorkspace.KeyPin(c) });
        return FedmdCli.Run(["fetch", "--url", server.FeedUrl.ToString(), "--allow-http", .. pins, "--out", _workspace.Combine($"fetched-{version}.xml")]);
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static TimeSpan Until(DateTimeOffset instant)
    {
        // The state keeps whole seconds: wait past the announced second itself.
        var wait = instant.AddSeconds(1) - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
