using System.Text.Json.Nodes;
using Fedmd.Tests.Cluster.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Http;

namespace Fedmd.Tests.Cluster;

/// <summary>A remote source's last good copy is shared: the node that takes over while the source is down falls back to it.</summary>
[Collection(PostgresTests.Name)]
public sealed class SharedSourceCopyTests(PostgresServer server) : FeedServerTest
{
    private const string Hourly = "0 0 * * * ?";
    private readonly SignedFeeds _home = new("home federation signer");

    [Fact]
    public void A_node_that_never_fetched_a_source_falls_back_to_the_copy_the_other_node_kept()
    {
        var role = server.CreateDatabase(TestDatabaseName.New("sources"));
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        var pin = Directory.Combine("home-signing.pem");
        File.WriteAllText(pin, _home.Certificate.ExportCertificatePem());
        using var a = new ClusterNode("node-a", role, key, certificate, Hourly, configure: c => ImportHome(c, pin));
        using var b = new ClusterNode("node-b", role, key, certificate, Hourly, configure: c => ImportHome(c, pin));
        Assert.Equal(0, a.Fedmd("db", "init").ExitCode);
        var foreign = RemoteAggregate.ForeignEntityId("sp-wiki.xml");
        Server.Serve(new FeedResponse(_home.Sign(new RemoteAggregate().Foreign("sp-wiki.xml").Build(DateTimeOffset.UtcNow.AddDays(3))), "\"v1\""));
        var fetched = a.Fedmd("run", "--once");
        Assert.True(fetched.ExitCode == 0, fetched.Output);
        Assert.Contains(foreign, a.PublishedEntityIds());

        Server.Serve(new FeedResponse([], "\"down\"", 503));
        var fallback = b.Fedmd("run", "--once");

        Assert.True(fallback.ExitCode == 0, fallback.Output);
        Assert.Contains(foreign, b.PublishedEntityIds());
        Assert.Contains("using its last good copy", fallback.Output, StringComparison.Ordinal);
    }

    private void ImportHome(JsonObject configuration, string pin)
    {
        configuration["Sources"] = new JsonArray(new JsonObject
        {
            ["Name"] = "home",
            ["Url"] = Server.FeedUrl.ToString(),
            ["CertificateFiles"] = new JsonArray(pin),
            ["AllowHttp"] = true,
        });
        configuration["Feeds"] = new JsonArray(new JsonObject
        {
            ["Name"] = "https://fedmd.example.ac.za/metadata",
            ["FileName"] = "federation-metadata.xml",
            ["Sources"] = new JsonArray("home"),
        });
    }
}
