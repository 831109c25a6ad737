using Fedmd.Tests.Cluster.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Cluster;

/// <summary>PostgreSQL stopped under a running node: no pass, no crash, one log line, and passes resume when it returns.</summary>
[Collection(PostgresTests.Name)]
public sealed class DatabaseOutageTests(PostgresServer server)
{
    private const string EveryFiveSeconds = "0/5 * * * * ?";

    [Fact]
    public void A_node_runs_no_pass_while_PostgreSQL_is_down_and_resumes_when_it_returns()
    {
        var role = server.CreateDatabase(TestDatabaseName.New("outage"));
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        using var node = new ClusterNode("node-a", role, key, certificate, EveryFiveSeconds);
        Assert.Equal(0, node.Fedmd("db", "init").ExitCode);
        node.Start();
        Waiting.Until(() => node.LogLinesWith("Pass complete") > 0, TimeSpan.FromSeconds(60), node.LogText);

        int publishedBeforeOutage;
        try
        {
            server.Stop();
            publishedBeforeOutage = node.LogLinesWith("Pass complete");
            var once = node.Fedmd("run", "--once");
            Thread.Sleep(TimeSpan.FromSeconds(12));

            Assert.Equal(3, once.ExitCode);
            Assert.True(node.IsRunning, "the node stopped while PostgreSQL was down: " + node.LogText());
            Assert.Equal(publishedBeforeOutage, node.LogLinesWith("Pass complete"));
            // Two fires and a check-in failed in these seconds, and the outage was logged once (once a minute).
            Assert.Equal(1, node.LogLinesWith("Cluster database unavailable"));
        }
        finally
        {
            server.Start();
        }

        Waiting.Until(() => node.LogLinesWith("Pass complete") > publishedBeforeOutage, TimeSpan.FromSeconds(60), node.LogText);
        Assert.Equal(1, node.LogLinesWith("Cluster database answers again"));
        Assert.Equal(0, node.Interrupt());
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(node.PublishedFeed, node.PublishedCertificate));
        Assert.DoesNotContain(role.Password, node.LogText(), StringComparison.Ordinal);
    }
}
