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

    private static void Rewrite(PassEnvironment environment, Action<JsonObject> publish)
    {
        var configuration = JsonNode.Parse(File.ReadAllText(environment.ConfigFile))!.AsObject();
        publish(configuration["Publish"]!.AsObject());
        TestConfiguration.Write(configuration, environment.ConfigFile);
    }
}
