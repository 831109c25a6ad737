using System.Text.Json.Nodes;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Http;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Sources;

/// <summary>
/// <c>fedmd run --once</c> with a remote source served over a real local HTTP server: imported entities published and
/// independently verifiable, the last good copy while the source fails, and a refusal once nothing usable is left.
/// </summary>
public sealed class SourceRunTests : FeedServerTest
{
    private static readonly TestToken Token = TestHsm.CreateToken("sources");
    private static readonly DateTimeOffset SourceValidUntil = DateTimeOffset.UtcNow.AddDays(3);
    private readonly SignedFeeds _home = new("home federation signer");

    private static string HomeAggregate(DateTimeOffset validUntil) => new RemoteAggregate()
        .Foreign("idp-uni-a.xml", edit: RemoteAggregate.XsiTypedValues)
        .Foreign("sp-wiki.xml")
        .Same("hub.xml", SourceWorkspace.OwnAuthority)
        .Build(validUntil);

    private SourceWorkspace Workspace(Action<JsonObject>? adjust = null)
    {
        var workspace = new SourceWorkspace(Token, Server, _home, adjust);
        workspace.Workspace.AddSamples("sp-library.xml", "hub.xml", "proxy-research-gateway.xml");
        return workspace;
    }

    private void ServeHome() => Server.Serve(new FeedResponse(_home.Sign(HomeAggregate(SourceValidUntil)), "\"v1\""));

    /// <summary>A workspace that published once with the source up.</summary>
    private SourceWorkspace PublishedOnce()
    {
        var sources = Workspace();
        ServeHome();
        var first = sources.Workspace.Run("run", "--once");
        Assert.True(first.ExitCode == 0, first.Output);
        return sources;
    }

    [Fact]
    public void Imported_entities_are_published_in_the_importing_feed_signed_and_verifiable()
    {
        using var sources = Workspace();
        var workspace = sources.Workspace;
        ServeHome();

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(
            ["https://gateway.research.example.ac.za/proxy/metadata", "https://hub.fedmd.example.ac.za/idp/metadata",
             RemoteAggregate.ForeignEntityId("idp-uni-a.xml"), "https://sp.library.example.ac.za/shibboleth", RemoteAggregate.ForeignEntityId("sp-wiki.xml")],
            workspace.EntityIds("federation-metadata.xml"));
        Assert.Equal(["https://gateway.research.example.ac.za/proxy/metadata", "https://hub.fedmd.example.ac.za/idp/metadata"], workspace.EntityIds("idp-proxies.xml"));
        foreach (var feed in new[] { "federation-metadata.xml", "idp-proxies.xml" })
        {
            Assert.True(IndependentVerifiers.Xmlsec1Accepts(workspace.Published(feed), Token.CertificateFile), feed);
        }

        var published = File.ReadAllText(workspace.Published("federation-metadata.xml"));
        Assert.Contains($"validUntil=\"{XsDateTime.Format(SourceValidUntil)}\" cacheDuration", published, StringComparison.Ordinal);
        Assert.Contains("xsi:type=\"xs:string\"", published, StringComparison.Ordinal);
        Assert.Contains($"registrationAuthority=\"{RemoteAggregate.HomeAuthority}\"", published, StringComparison.Ordinal);
        var report = File.ReadAllText(workspace.Published("report.txt"));
        Assert.Contains($"Source home ({Server.FeedUrl}): fetched", report, StringComparison.Ordinal);
        Assert.Contains("2 imported, 1 filtered out", report, StringComparison.Ordinal);
        Assert.DoesNotContain(RemoteAggregate.ForeignEntityId("idp-uni-a.xml"), File.ReadAllText(workspace.Ledger), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_that_several_feeds_import_is_fetched_once_per_pass()
    {
        using var sources = Workspace(configuration => configuration["Feeds"]![1]!["Sources"] = new JsonArray("home"));
        ServeHome();

        var result = sources.Workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(1, Server.FeedRequests);
        Assert.Contains($"validUntil=\"{XsDateTime.Format(SourceValidUntil)}\"", File.ReadAllText(sources.Workspace.Published("idp-proxies.xml")), StringComparison.Ordinal);
        Assert.Equal(
            ["https://gateway.research.example.ac.za/proxy/metadata", "https://hub.fedmd.example.ac.za/idp/metadata"],
            sources.Workspace.EntityIds("idp-proxies.xml"));
    }

    [Fact]
    public void A_failing_source_with_a_valid_last_good_copy_still_publishes_and_says_so()
    {
        using var sources = PublishedOnce();
        var workspace = sources.Workspace;
        Server.Serve(new FeedResponse([], "\"down\"", 503));

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(RemoteAggregate.ForeignEntityId("sp-wiki.xml"), workspace.EntityIds("federation-metadata.xml"));
        var until = XsDateTime.Format(SourceValidUntil);
        Assert.Contains($"using its last good copy until {until}", result.Output, StringComparison.Ordinal);
        var report = File.ReadAllText(workspace.Published("report.txt"));
        Assert.Contains($"Source home ({Server.FeedUrl}): fallback, copy valid until", report, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", report, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"fallback\"", File.ReadAllText(workspace.Published("report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_source_whose_last_good_copy_expired_refuses_its_feed_whose_previous_publication_stays()
    {
        using var sources = PublishedOnce();
        var workspace = sources.Workspace;
        var before = sources.WebRoot();

        // Time passing is simulated by a last good copy that is correctly signed but already expired.
        File.WriteAllBytes(sources.LastGoodCopy, _home.Sign(HomeAggregate(DateTimeOffset.UtcNow.AddHours(-1))));
        Server.Serve(new FeedResponse([], "\"down\"", 500));

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("federation-metadata.xml: feed federation-metadata.xml imports source home", result.StandardError, StringComparison.Ordinal);
        var after = sources.WebRoot();
        Assert.Equal(before["federation-metadata.xml"], after["federation-metadata.xml"]);
        var report = File.ReadAllText(workspace.Published("report.txt"));
        Assert.Contains("unavailable", report, StringComparison.Ordinal);
        Assert.Contains("Feed federation-metadata.xml (", report, StringComparison.Ordinal);
        Assert.Contains("STALE since", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_signed_by_another_key_is_never_used()
    {
        using var sources = Workspace();
        var workspace = sources.Workspace;
        Server.Serve(new FeedResponse(new SignedFeeds("impostor").Sign(HomeAggregate(SourceValidUntil)), "\"v1\""));

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("was rejected", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Published("federation-metadata.xml")));
        Assert.False(File.Exists(sources.LastGoodCopy));
    }

    [Theory]
    [InlineData("unknown-feed-source", "Feeds[0]:Sources[0]")]
    [InlineData("no-pins", "Sources[0]:CertificateFiles")]
    [InlineData("http-not-allowed", "Sources[0]:Url")]
    public void A_bad_source_configuration_stops_with_exit_2_naming_the_key(string mistake, string key)
    {
        using var sources = Workspace(configuration =>
        {
            var source = configuration["Sources"]![0]!.AsObject();
            switch (mistake)
            {
                case "unknown-feed-source":
                    configuration["Feeds"]![0]!["Sources"] = new JsonArray("edugain");
                    break;
                case "no-pins":
                    source["CertificateFiles"] = new JsonArray();
                    break;
                default:
                    source["AllowHttp"] = false;
                    break;
            }
        });

        var result = sources.Workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains($"configuration {key}:", result.StandardError, StringComparison.Ordinal);
    }
}
