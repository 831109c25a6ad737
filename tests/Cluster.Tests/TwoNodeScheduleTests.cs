using Fedmd.Tests.Cluster.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Cluster;

/// <summary>
/// Two <c>fedmd run</c> services on one database with a fire every five seconds: exactly one pass per fire time, and
/// the node that publishes uses the state the other left (the same first-seen instants).
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class TwoNodeScheduleTests(PostgresServer server)
{
    private const string EveryFiveSeconds = "0/5 * * * * ?";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void Two_nodes_publish_once_per_fire_time_and_share_the_ledger()
    {
        var database = TestDatabaseName.New("pair");
        var role = server.CreateDatabase(database);
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        using var a = new ClusterNode("node-a", role, key, certificate, EveryFiveSeconds);
        using var b = new ClusterNode("node-b", role, key, certificate, EveryFiveSeconds);
        Assert.Equal(0, a.Fedmd("db", "init").ExitCode);
        // A pass by hand on node a first: it registers every entity at this moment.
        var once = a.Fedmd("run", "--once");
        Assert.True(once.ExitCode == 0, once.Output);
        var registeredByA = a.PublishedRegistrationInstants();

        a.Start();
        b.Start();
        // Counted from the first fire after both nodes ended their first pass: a first pass (JIT, token) may run
        // past the next fire and be overtaken, which docs/cluster.md describes; a warm pass takes well under a second.
        Waiting.Until(() => new[] { a, b }.All(n => n.LogLinesWith("Pass complete") + n.LogLinesWith("Pass skipped") > 0),
            TimeSpan.FromSeconds(60), () => "the nodes never ended a pass: " + a.LogText() + b.LogText());
        var from = NextFire(DateTimeOffset.UtcNow);
        Waiting.Until(() => Claims(database, from).Count >= 8, TimeSpan.FromSeconds(90), () => "too few fire times were claimed: " + a.LogText() + b.LogText());
        Assert.Equal(0, a.Interrupt());
        Assert.Equal(0, b.Interrupt());

        var claims = Claims(database, from);
        var published = a.LogLinesWith("Pass complete", from) + b.LogLinesWith("Pass complete", from);
        Assert.True(claims.Count == published, $"{claims.Count} fire times claimed, {published} passes published: {a.LogText()}{b.LogText()}");
        Assert.All(claims, c => Assert.NotNull(c.FinishedAt));
        // No fire time was left out: the first is the one counted from, and each is five seconds after the one before.
        Assert.Equal(from.UtcDateTime, claims[0].FireTime);
        Assert.All(claims.Zip(claims.Skip(1)), pair => Assert.Equal(Interval, pair.Second.FireTime - pair.First.FireTime));
        // Both nodes fired for the same times and lost claims to the other: the claim, not luck, kept them apart.
        Assert.True(a.LogLinesWith("Pass skipped", from) + b.LogLinesWith("Pass skipped", from) >= claims.Count - 1, a.LogText() + b.LogText());
        foreach (var node in new[] { a, b }.Where(n => File.Exists(n.PublishedFeed)))
        {
            Assert.True(IndependentVerifiers.Xmlsec1Accepts(node.PublishedFeed, node.PublishedCertificate), node.Name);
        }

        // Node b publishes what node a would have: every first-seen instant is the one node a registered.
        var later = b.Fedmd("run", "--once");
        Assert.True(later.ExitCode == 0, later.Output);
        Assert.Equal(registeredByA, b.PublishedRegistrationInstants());
        Assert.DoesNotContain(role.Password, a.LogText() + b.LogText() + once.Output + later.Output, StringComparison.Ordinal);
    }

    private static DateTimeOffset NextFire(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (seconds % 5) + 5);
    }

    private List<(DateTime FireTime, string Node, DateTime? FinishedAt)> Claims(string database, DateTimeOffset from) =>
        server.Query(database, "SELECT fire_time, node, finished_at FROM fedmd_claim ORDER BY fire_time")
            .Select(r => ((DateTime)r[0]!, (string)r[1]!, (DateTime?)r[2]))
            .Where(c => c.Item1 >= from.UtcDateTime)
            .ToList();
}
