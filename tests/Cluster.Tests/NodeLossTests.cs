using Fedmd.Tests.Cluster.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Cluster;

/// <summary>A node killed in the middle of a pass leaves nothing that blocks the other: it runs the next fire and publishes.</summary>
[Collection(PostgresTests.Name)]
public sealed class NodeLossTests(PostgresServer server)
{
    private const string EveryFiveSeconds = "0/5 * * * * ?";

    [Fact]
    public void Kill_9_of_the_node_in_a_pass_lets_the_other_run_the_next_fire_and_publish()
    {
        var database = TestDatabaseName.New("loss");
        var role = server.CreateDatabase(database);
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        // A larger registry, so that a pass lasts long enough to be caught in the middle.
        using var a = new ClusterNode("node-a", role, key, certificate, EveryFiveSeconds, copiesOfEachSample: 20);
        using var b = new ClusterNode("node-b", role, key, certificate, EveryFiveSeconds, copiesOfEachSample: 20);
        Assert.Equal(0, a.Fedmd("db", "init").ExitCode);
        a.Start();
        b.Start();

        (DateTime FireTime, string Node) running = default;
        Waiting.Until(() =>
        {
            var open = server.Query(database, "SELECT fire_time, node FROM fedmd_claim WHERE finished_at IS NULL ORDER BY generation DESC LIMIT 1");
            running = open.Count == 1 ? ((DateTime)open[0][0]!, (string)open[0][1]!) : default;
            return open.Count == 1;
        }, TimeSpan.FromSeconds(60), () => "no pass was ever running: " + a.LogText() + b.LogText());
        var (victim, survivor) = running.Node == a.Name ? (a, b) : (b, a);
        victim.Kill();
        var publishedBefore = survivor.LogLinesWith("Pass complete");

        Waiting.Until(() => server.Query(database,
                $"SELECT 1 FROM fedmd_claim WHERE node = '{survivor.Name}' AND finished_at IS NOT NULL AND fire_time > '{running.FireTime:O}'").Count > 0
            && survivor.LogLinesWith("Pass complete") > publishedBefore,
            TimeSpan.FromSeconds(60), () => $"node {survivor.Name} never published after {victim.Name} was killed: " + survivor.LogText());
        Assert.Equal(0, survivor.Interrupt());

        // The killed pass's claim stays unfinished, for the operator to see in db status, and blocked nothing.
        Assert.Single(server.Query(database, $"SELECT 1 FROM fedmd_claim WHERE fire_time = '{running.FireTime:O}' AND finished_at IS NULL"));
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(survivor.PublishedFeed, survivor.PublishedCertificate), survivor.LogText());
        var status = survivor.Fedmd("db", "status");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"node {victim.Name}", status.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("not finished (running, or its node died)", status.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"  {survivor.Name}  last check-in ", status.StandardOutput, StringComparison.Ordinal);
        // The last pass is shared: the lost node's fedmd status reports the survivor's publication.
        var lostNodeStatus = victim.Fedmd("status", "--skip-hsm");
        Assert.Matches("OK +last-pass +the pass of .* published", lostNodeStatus.StandardOutput);
    }
}
