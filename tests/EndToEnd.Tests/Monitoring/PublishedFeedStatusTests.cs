using System.Text.Json;
using System.Text.Json.Nodes;
using Fedmd.Tests.EndToEnd.Support;

namespace Fedmd.Tests.EndToEnd.Monitoring;

/// <summary><c>fedmd status</c> fetches the feeds over HTTP where participants do, and judges them as a participant would.</summary>
public sealed class PublishedFeedStatusTests
{
    [Fact]
    public void A_published_feed_tampered_on_the_web_server_is_CRITICAL()
    {
        using var environment = new PassEnvironment();
        using var server = new WebRootServer(environment.PublishDirectory);
        Rewrite(environment, publish => publish["BaseUrl"] = server.BaseUrl.ToString());
        var run = environment.Fedmd("run", "--once");
        Assert.True(run.ExitCode == 0, run.Output);
        var fresh = environment.Fedmd("status", "--nagios");
        Assert.True(fresh.ExitCode == 0, fresh.Output);

        var feed = File.ReadAllText(environment.PublishedFeed);
        File.WriteAllText(environment.PublishedFeed, feed.Replace(
            "</md:EntitiesDescriptor>", "<md:EntityDescriptor entityID=\"https://intruder.example.org/\"/></md:EntitiesDescriptor>", StringComparison.Ordinal));
        var tampered = environment.Fedmd("status", "--nagios");

        Assert.True(tampered.ExitCode == 2, tampered.Output);
        Assert.StartsWith("FEDMD CRITICAL - CRITICAL federation-metadata.xml@local: ", tampered.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"the document from {server.BaseUrl}federation-metadata.xml was rejected", tampered.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_missing_from_the_web_root_is_CRITICAL()
    {
        using var environment = new PassEnvironment();

        var result = environment.Fedmd("status", "--nagios", "--skip-hsm");

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains($"CRITICAL federation-metadata.xml@local: {environment.PublishedFeed} is not published", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("UNKNOWN last-pass: no pass recorded yet", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latched_PIN_is_CRITICAL_and_the_failed_pass_is_recorded_with_its_exit_code()
    {
        using var environment = new PassEnvironment();
        var first = environment.Fedmd("run", "--once");
        Assert.True(first.ExitCode == 0, first.Output);
        File.WriteAllText(environment.Combine("state", "pin-refused"), "refused\n");

        var failed = environment.Fedmd("run", "--once");
        var status = environment.Fedmd("status", "--nagios", "--skip-hsm");

        Assert.NotEqual(0, failed.ExitCode);
        Assert.True(status.ExitCode == 2, status.Output);
        Assert.Contains("CRITICAL pin-latch: the token refused the PIN", status.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"WARNING last-pass: the pass of ", status.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"failed (exit {failed.ExitCode}): ", status.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("last success never", status.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_mirror_is_fetched_from_its_public_URL_and_a_mirror_without_one_is_UNKNOWN()
    {
        using var environment = new PassEnvironment();
        using var mirror = new WebRootServer(environment.PublishDirectory);
        var run = environment.Fedmd("run", "--once");
        Assert.True(run.ExitCode == 0, run.Output);
        Rewrite(environment, publish => publish["Mirrors"] = new JsonArray(Mirror("served"), Mirror("unlisted")),
            monitoring => monitoring["MirrorUrls"] = new JsonObject { ["served"] = mirror.BaseUrl.ToString() });

        var result = environment.Fedmd("status", "--json", "--skip-hsm");

        Assert.True(result.ExitCode == 1, result.Output);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("UNKNOWN", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("exitCode").GetInt32());
        var feeds = json.RootElement.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("check").GetString() == "feed")
            .ToDictionary(c => c.GetProperty("subject").GetString()!, c => c);
        Assert.Equal(["federation-metadata.xml@local", "federation-metadata.xml@served", "federation-metadata.xml@unlisted"], feeds.Keys);
        Assert.Equal("OK", feeds["federation-metadata.xml@served"].GetProperty("status").GetString());
        Assert.Equal($"{mirror.BaseUrl}federation-metadata.xml", feeds["federation-metadata.xml@served"].GetProperty("details").GetProperty("location").GetString());
        Assert.Equal("UNKNOWN", feeds["federation-metadata.xml@unlisted"].GetProperty("status").GetString());
        Assert.Contains("Monitoring:MirrorUrls:unlisted", feeds["federation-metadata.xml@unlisted"].GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mirror_URL_for_no_configured_mirror_is_a_configuration_error()
    {
        using var environment = new PassEnvironment();
        Rewrite(environment, _ => { }, monitoring => monitoring["MirrorUrls"] = new JsonObject { ["typo"] = "https://mirror.example.org/" });

        var result = environment.Fedmd("status", "--nagios");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Monitoring:MirrorUrls", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("'typo' is not the Name of any Publish:Mirrors entry", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_HSM_check_without_access_to_the_PIN_is_UNKNOWN_and_exits_3_under_nagios()
    {
        using var environment = new PassEnvironment();
        var run = environment.Fedmd("run", "--once");
        Assert.True(run.ExitCode == 0, run.Output);
        var configuration = JsonNode.Parse(File.ReadAllText(environment.ConfigFile))!.AsObject();
        var signing = configuration["Signing"]!.AsObject();
        signing.Remove("PinFile");
        signing["PinEnvironmentVariable"] = "FEDMD_TEST_PIN_NOT_SET";
        TestConfiguration.Write(configuration, environment.ConfigFile);

        var result = environment.Fedmd("status", "--nagios");

        Assert.True(result.ExitCode == 3, result.Output);
        Assert.StartsWith("FEDMD UNKNOWN - UNKNOWN hsm: not checked: ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_nagios_a_status_that_cannot_run_says_why_on_standard_output_as_CRITICAL()
    {
        using var environment = new PassEnvironment();
        var configuration = JsonNode.Parse(File.ReadAllText(environment.ConfigFile))!.AsObject();
        configuration["Signing"]!["CertificateFile"] = environment.Combine("missing.crt");
        TestConfiguration.Write(configuration, environment.ConfigFile);

        var result = environment.Fedmd("status", "--nagios");

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.StartsWith("FEDMD CRITICAL - ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("missing.crt", result.StandardOutput, StringComparison.Ordinal);
    }

    private static JsonObject Mirror(string name) => new()
    {
        ["Name"] = name,
        ["Url"] = $"https://127.0.0.1:9/{name}/",
        ["ClientCertificateFile"] = "client.crt",
        ["ClientKeyFile"] = "client.key",
        ["ServerCaFile"] = "ca.crt",
        ["ServerCrlFile"] = "ca.crl",
    };

    private static void Rewrite(PassEnvironment environment, Action<JsonObject> publish, Action<JsonObject> monitoring)
    {
        var configuration = JsonNode.Parse(File.ReadAllText(environment.ConfigFile))!.AsObject();
        publish(configuration["Publish"]!.AsObject());
        var section = new JsonObject();
        monitoring(section);
        configuration["Monitoring"] = section;
        TestConfiguration.Write(configuration, environment.ConfigFile);
    }

    private static void Rewrite(PassEnvironment environment, Action<JsonObject> publish)
    {
        var configuration = JsonNode.Parse(File.ReadAllText(environment.ConfigFile))!.AsObject();
        publish(configuration["Publish"]!.AsObject());
        TestConfiguration.Write(configuration, environment.ConfigFile);
    }
}
