using Fedmd.Tests.Cluster.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Cluster;

/// <summary>Each node's audit chain head in PostgreSQL: recorded by every signing, compared by <c>audit verify</c>, listed by <c>db status</c>.</summary>
[Collection(PostgresTests.Name)]
public sealed class AuditHeadTests(PostgresServer server)
{
    private const string Hourly = "0 0 * * * ?";

    [Fact]
    public void A_pass_records_the_head_and_audit_verify_catches_a_cut_tail_even_without_the_head_file()
    {
        var name = TestDatabaseName.New("audithead");
        using var node = NewNode("node-a", server.CreateDatabase(name));
        Assert.Equal(0, node.Fedmd("db", "init").ExitCode);
        Assert.Equal(0, node.Fedmd("run", "--once").ExitCode);
        var lines = File.ReadAllLines(node.AuditLog);
        var head = File.ReadAllText(node.AuditLog + ".head").Trim().Split(' ');

        var row = Assert.Single(server.Query(name, "SELECT node, sequence, hash FROM fedmd_audit_head"));
        Assert.Equal("node-a", row[0]);
        Assert.Equal((long)lines.Length, row[1]);
        Assert.Equal(head[1], row[2]);
        Assert.Equal(head[0], lines.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var intact = node.Fedmd("audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Output);
        var status = node.Fedmd("db", "status");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"audit heads:\n  node-a  sequence {lines.Length}  last line ", status.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // The tail and the head file beside the log go together: only PostgreSQL still knows where the chain ended.
        File.WriteAllLines(node.AuditLog, lines[..^1]);
        File.Delete(node.AuditLog + ".head");
        var cut = node.Fedmd("audit", "verify");

        Assert.Equal(1, cut.ExitCode);
        Assert.Contains($"ends at sequence {lines.Length - 1}", cut.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"records node node-a's audit head at sequence {lines.Length} (hash {head[1]}", cut.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_whose_head_PostgreSQL_refuses_fails_and_publishes_nothing()
    {
        var name = TestDatabaseName.New("auditback");
        using var node = NewNode("node-a", server.CreateDatabase(name));
        Assert.Equal(0, node.Fedmd("db", "init").ExitCode);
        // A head beyond anything the node's empty log can reach: as if its lines had been removed.
        server.Execute(name, "INSERT INTO fedmd_audit_head (node, sequence, hash, recorded_at) VALUES ('node-a', 1000, 'feed', now())");

        var pass = node.Fedmd("run", "--once");

        Assert.NotEqual(0, pass.ExitCode);
        Assert.Contains("records node node-a's audit head at sequence 1000: lines were removed from the log", pass.Output + node.LogText(), StringComparison.Ordinal);
        Assert.False(File.Exists(node.PublishedFeed), "a signature whose audit head was not recorded was published");
    }

    [Fact]
    public void Status_is_critical_when_the_log_no_longer_ends_where_PostgreSQL_recorded_the_head()
    {
        var name = TestDatabaseName.New("auditstatus");
        using var node = NewNode("node-a", server.CreateDatabase(name));
        Assert.Equal(0, node.Fedmd("db", "init").ExitCode);
        Assert.Equal(0, node.Fedmd("run", "--once").ExitCode);
        Assert.Equal("OK", AuditCheck(node.Fedmd("status", "--json", "--skip-hsm").StandardOutput)["status"]!.GetValue<string>());
        // The local chain and its head file stay intact: only the head in PostgreSQL says the log once went further.
        server.Execute(name, "UPDATE fedmd_audit_head SET sequence = sequence + 1 WHERE node = 'node-a'");

        var status = node.Fedmd("status", "--json", "--skip-hsm");

        Assert.Empty(new Fedmd.Signer.Audit.AuditLog(node.AuditLog).Verify());
        var audit = AuditCheck(status.StandardOutput);
        Assert.Equal("CRITICAL", audit["status"]!.GetValue<string>());
        Assert.Contains("records node node-a's audit head at sequence", audit["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonNode AuditCheck(string statusJson) =>
        System.Text.Json.Nodes.JsonNode.Parse(statusJson)!["checks"]!.AsArray()
            .Single(check => check!["check"]!.GetValue<string>() == "audit")!;

    private static ClusterNode NewNode(string name, ServiceRole role)
    {
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        return new ClusterNode(name, role, key, certificate, Hourly);
    }
}
