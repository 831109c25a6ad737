using System.Text.Json;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

/// <summary>A guard rail refuses one feed: the others publish, the refused one keeps its previous publication, exit 1.</summary>
public class FeedRefusalTests
{
    private static readonly TestToken Token = TestHsm.CreateToken("feed-refusal");
    private static readonly string[] Proxies = ["hub.xml", "proxy-research-gateway.xml"];

    [Fact]
    public void Without_any_proxy_entity_the_main_feed_is_published_and_the_proxy_feed_refused_with_exit_1()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples(AggregatorWorkspace.AllSampleNames().Except(Proxies).ToArray());

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("idp-proxies.xml would hold no accepted entity", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("refused 1 feed(s)", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("idp-proxies.xml: REFUSED, not served", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(12, workspace.EntityIds("federation-metadata.xml").Count);
        Assert.False(File.Exists(workspace.Published("idp-proxies.xml")));
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Published("report.json")));
        var proxies = report.RootElement.GetProperty("feeds").EnumerateArray().Single(f => f.GetProperty("fileName").GetString() == "idp-proxies.xml");
        Assert.Contains("no accepted entity", proxies.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, proxies.GetProperty("publishedAt").ValueKind);
    }

    [Fact]
    public void A_refused_feed_keeps_its_previous_bytes_and_is_shown_stale_since_its_last_publication()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples(AggregatorWorkspace.AllSampleNames());
        Assert.Equal(0, workspace.Run("run", "--once").ExitCode);
        var proxyFeed = File.ReadAllBytes(workspace.Published("idp-proxies.xml"));
        var mainFeed = File.ReadAllBytes(workspace.Published("federation-metadata.xml"));
        var publishedAt = PublishedAt(workspace, "idp-proxies.xml");
        foreach (var proxy in Proxies)
        {
            File.Delete(Path.Combine(workspace.Registry, proxy));
        }

        Thread.Sleep(1100);
        var refused = workspace.Run("run", "--once", "--allow-drop");
        var again = workspace.Run("run", "--once");

        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.True(again.ExitCode == 1, again.Output);
        Assert.Contains("idp-proxies.xml: feed idp-proxies.xml would hold no accepted entity", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(proxyFeed, File.ReadAllBytes(workspace.Published("idp-proxies.xml")));
        Assert.NotEqual(mainFeed, File.ReadAllBytes(workspace.Published("federation-metadata.xml")));
        Assert.Equal(publishedAt, PublishedAt(workspace, "idp-proxies.xml"));
        var since = $"stale since {publishedAt:u}";
        Assert.Contains(since, File.ReadAllText(workspace.Published("fingerprint.txt")), StringComparison.Ordinal);
        Assert.Contains(since, File.ReadAllText(workspace.Published("fingerprint.html")), StringComparison.Ordinal);
        Assert.Contains($"STALE since {publishedAt:u}", File.ReadAllText(workspace.Published("report.txt")), StringComparison.Ordinal);
        Assert.Contains($"still serving the publication of {publishedAt:u}", again.StandardOutput, StringComparison.Ordinal);
        using var fingerprint = JsonDocument.Parse(File.ReadAllBytes(workspace.Published("fingerprint.json")));
        var listed = fingerprint.RootElement.GetProperty("feeds").EnumerateArray().ToDictionary(f => f.GetProperty("fileName").GetString()!, f => f.GetProperty("stale").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["federation-metadata.xml"] = false, ["idp-proxies.xml"] = true }, listed);

        // The proxies come back: the feed publishes again.
        workspace.AddSamples(Proxies);
        var restored = workspace.Run("run", "--once");

        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.NotEqual(proxyFeed, File.ReadAllBytes(workspace.Published("idp-proxies.xml")));
        Assert.DoesNotContain("stale", File.ReadAllText(workspace.Published("fingerprint.txt")), StringComparison.OrdinalIgnoreCase);
    }

    private static DateTimeOffset PublishedAt(AggregatorWorkspace workspace, string feed)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(workspace.Published("report.json")));
        return report.RootElement.GetProperty("feeds").EnumerateArray()
            .Single(f => f.GetProperty("fileName").GetString() == feed)
            .GetProperty("publishedAt").GetDateTimeOffset();
    }
}
