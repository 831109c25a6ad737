using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

/// <summary>The guard rails refuse with exit 1 and leave the refused feed's previous publication byte for byte.</summary>
public class GuardRailTests
{
    private static readonly TestToken Token = TestHsm.CreateToken("guards");

    private static Dictionary<string, byte[]> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void A_registry_without_a_valid_entity_is_refused_and_nothing_is_published()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddBad("not-xml.xml", "missing-scope.xml");

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("no accepted entity", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Publish));
        Assert.True(File.Exists(Path.Combine(workspace.State, "refused-report.txt")));
    }

    [Fact]
    public void A_large_drop_is_refused_until_the_operator_allows_it()
    {
        using var workspace = new AggregatorWorkspace(Token);
        var names = AggregatorWorkspace.AllSampleNames();
        workspace.AddSamples(names);
        Assert.Equal(0, workspace.Run("run", "--once").ExitCode);
        var before = Snapshot(workspace.Publish);
        foreach (var name in new[] { "sp-wiki.xml", "sp-lms.xml" })
        {
            File.Delete(Path.Combine(workspace.Registry, name));
        }

        var refused = workspace.Run("run", "--once");

        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains("from 14 to 12", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("--allow-drop", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("federation-metadata.xml: REFUSED, still serving", refused.StandardOutput, StringComparison.Ordinal);
        var after = Snapshot(workspace.Publish);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Equal(before["federation-metadata.xml"], after["federation-metadata.xml"]);
        Assert.NotEqual(before["idp-proxies.xml"], after["idp-proxies.xml"]);

        var allowed = workspace.Run("run", "--once", "--allow-drop");

        Assert.True(allowed.ExitCode == 0, allowed.Output);
        Assert.Equal(12, workspace.EntityIds("federation-metadata.xml").Count);
        var report = File.ReadAllText(workspace.Published("report.txt"));
        Assert.Contains("removed: https://wiki.research.example.ac.za/shibboleth", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Allow_drop_is_refused_for_the_scheduled_service()
    {
        using var workspace = new AggregatorWorkspace(Token);

        Assert.Equal(2, workspace.Run("run", "--allow-drop").ExitCode);
    }

    [Fact]
    public void A_registered_entity_with_its_own_past_valid_until_neither_stops_nor_shortens_the_feed()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples("sp-library.xml", "hub.xml");
        var path = Path.Combine(workspace.Registry, "sp-library.xml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(
            "entityID=\"https://sp.library.example.ac.za/shibboleth\"",
            "entityID=\"https://sp.library.example.ac.za/shibboleth\" validUntil=\"2020-01-01T00:00:00Z\"", StringComparison.Ordinal));

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("[transform.validity-removed]", result.StandardOutput, StringComparison.Ordinal);
        var feed = File.ReadAllText(Path.Combine(workspace.Publish, "federation-metadata.xml"));
        Assert.Contains("https://sp.library.example.ac.za/shibboleth", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("2020-01-01T00:00:00Z", feed, StringComparison.Ordinal);
        var root = new Fedmd.Metadata.Xml.SafeXmlLoader().Load(System.Text.Encoding.UTF8.GetBytes(feed)).DocumentElement!;
        var validUntil = DateTimeOffset.Parse(root.GetAttribute("validUntil"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(validUntil > DateTimeOffset.UtcNow.AddDays(9), $"the feed's validUntil {validUntil:u} was shortened");
    }

    [Fact]
    public void A_feed_list_whose_first_file_is_not_the_default_is_a_configuration_error()
    {
        using var workspace = new AggregatorWorkspace(Token, feeds: new[] { new { Name = "https://x.example.ac.za", FileName = "other.xml" } });

        var result = workspace.Run("check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Feeds[0]:FileName", result.StandardError, StringComparison.Ordinal);
    }
}
