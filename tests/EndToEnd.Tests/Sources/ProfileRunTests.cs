using System.Text.Json.Nodes;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Http;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Sources;

/// <summary>
/// The import profile through the host: a repair lands in the signed, published feed and in the report; a source's
/// <c>Rules</c> tighten its profile; <c>check --profile import</c> lints an aggregate file entity by entity.
/// </summary>
public sealed class ProfileRunTests : FeedServerTest
{
    private static readonly TestToken Token = TestHsm.CreateToken("profiles");
    private static readonly string Wiki = RemoteAggregate.ForeignEntityId("sp-wiki.xml");
    private static readonly string NoContact = RemoteAggregate.ForeignEntityId("bad/no-technical-contact.xml");
    private readonly SignedFeeds _home = new("home federation signer");

    // The wiki's contacts lose their mailto: prefixes and its logo goes plain http; the other SP has no technical contact.
    private static string HomeAggregate() => new RemoteAggregate()
        .Foreign("sp-wiki.xml", edit: t => t.Replace("mailto:", string.Empty, StringComparison.Ordinal).Replace("https://wiki.research.example.org/logo-128.png", "http://wiki.research.example.org/logo-128.png", StringComparison.Ordinal))
        .Foreign("bad/no-technical-contact.xml")
        .Build(DateTimeOffset.UtcNow.AddDays(3));

    private SourceWorkspace Published(Action<JsonObject>? adjust = null)
    {
        var sources = new SourceWorkspace(Token, Server, _home, adjust);
        sources.Workspace.AddSamples("sp-library.xml", "hub.xml", "proxy-research-gateway.xml");
        Server.Serve(new FeedResponse(_home.Sign(HomeAggregate()), "\"v1\""));
        var result = sources.Workspace.Run("run", "--once");
        Assert.True(result.ExitCode == 0, result.Output);
        return sources;
    }

    [Fact]
    public void A_repair_is_visible_in_the_published_feed_and_reported()
    {
        using var sources = Published();
        var workspace = sources.Workspace;

        var feed = File.ReadAllText(workspace.Published("federation-metadata.xml"));
        Assert.Contains("<md:EmailAddress>mailto:platform@research.example.org</md:EmailAddress>", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("logo-128.png", feed, StringComparison.Ordinal);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(workspace.Published("federation-metadata.xml"), Token.CertificateFile));
        var report = File.ReadAllText(workspace.Published("report.json"));
        Assert.Contains("\"rule\": \"transform.mailto-added\"", report, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"transform.logo-removed\"", report, StringComparison.Ordinal);
        Assert.Contains("platform@research.example.org' had no mailto: prefix", File.ReadAllText(workspace.Published("report.txt")), StringComparison.Ordinal);

        // Registration policy only warns for an import: the SP without a technical contact is published too.
        Assert.Contains(NoContact, workspace.EntityIds("federation-metadata.xml"));
        Assert.Contains(Wiki, workspace.EntityIds("federation-metadata.xml"));
    }

    [Fact]
    public void A_source_that_tightens_a_rule_drops_what_the_default_import_profile_keeps()
    {
        using var sources = Published(c => c["Sources"]![0]!["Rules"] = new JsonObject { ["contact.technical"] = "error" });

        var published = sources.Workspace.EntityIds("federation-metadata.xml");

        Assert.DoesNotContain(NoContact, published);
        Assert.Contains(Wiki, published);
        Assert.Contains("\"rule\": \"contact.technical\",\n          \"severity\": \"error\"", File.ReadAllText(sources.Workspace.Published("report.json")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_the_import_profile_lints_an_aggregate_file_entity_by_entity()
    {
        using var sources = new SourceWorkspace(Token, Server, _home);
        var aggregate = Path.Combine(sources.Workspace.State, "..", "home-aggregate.xml");
        File.WriteAllText(aggregate, HomeAggregate());

        var asImport = sources.Workspace.Run("check", "--entities", aggregate, "--profile", "import");
        var asRegistry = sources.Workspace.Run("check", "--entities", aggregate);

        Assert.True(asImport.ExitCode == 0, asImport.Output);
        Assert.Contains(Wiki, asImport.Output, StringComparison.Ordinal);
        Assert.Contains(NoContact, asImport.Output, StringComparison.Ordinal);
        Assert.Contains("transform.mailto-added", asImport.Output, StringComparison.Ordinal);
        Assert.Equal(1, asRegistry.ExitCode);
        Assert.Contains("xml.root", asRegistry.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_an_unknown_profile()
    {
        using var sources = new SourceWorkspace(Token, Server, _home);

        var result = sources.Workspace.Run("check", "--profile", "lenient");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("lenient", result.Output, StringComparison.Ordinal);
    }
}
