using System.Globalization;
using System.Text.RegularExpressions;
using Fedmd.Tests.Cluster.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Cluster;

/// <summary>What docs/cluster.md tells an operator to do with the database: a pg_dump restore, and the least-privilege role.</summary>
[Collection(PostgresTests.Name)]
public sealed partial class BackupAndRoleTests(PostgresServer server)
{
    private const string Hourly = "0 0 * * * ?";

    [Fact]
    public void A_pg_dump_restored_into_a_new_database_carries_the_ledger_and_the_claim_order()
    {
        var name = TestDatabaseName.New("backup");
        var role = server.CreateDatabase(name);
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        using var a = new ClusterNode("node-a", role, key, certificate, Hourly);
        Assert.Equal(0, a.Fedmd("db", "init").ExitCode);
        Assert.Equal(0, a.Fedmd("run", "--once").ExitCode);
        var registered = a.PublishedRegistrationInstants();
        using var directory = new TemporaryDirectory();
        var dump = directory.Combine("fedmd.dump");
        // The password reaches pg_dump through its environment, never its command line.
        var password = new Dictionary<string, string?> { ["PGPASSWORD"] = role.Password };
        var port = server.Port.ToString(CultureInfo.InvariantCulture);
        var dumped = ExternalTool.Run("pg_dump", ["-h", "127.0.0.1", "-p", port, "-U", name, "-Fc", "-f", dump, name], password);
        Assert.True(dumped.ExitCode == 0, dumped.Output);

        var restoredName = name + "_restored";
        server.Execute("postgres", $"CREATE DATABASE {restoredName} OWNER {name}");
        var restored = ExternalTool.Run("pg_restore", ["-h", "127.0.0.1", "-p", port, "-U", name, "-d", restoredName, "--exit-on-error", dump], password);
        Assert.True(restored.ExitCode == 0, restored.Output);
        using var b = new ClusterNode("node-b", role with { ConnectionString = role.ConnectionString.Replace($"Database={name}", $"Database={restoredName}", StringComparison.Ordinal) },
            key, certificate, Hourly);
        var status = b.Fedmd("db", "status");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("node node-a  generation 1", status.StandardOutput, StringComparison.Ordinal);

        Assert.Equal(0, b.Fedmd("run", "--once").ExitCode);
        Assert.Equal(registered, b.PublishedRegistrationInstants());
        Assert.Equal(2L, server.Query(restoredName, "SELECT max(generation) FROM fedmd_claim")[0][0]);
    }

    [Fact]
    public void The_documented_least_privilege_role_runs_passes_and_cannot_remove_a_ledger_entry()
    {
        var name = TestDatabaseName.New("least");
        var owner = server.CreateDatabase(name);
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        using var ownerNode = new ClusterNode("owner", owner, key, certificate, Hourly);
        Assert.Equal(0, ownerNode.Fedmd("db", "init").ExitCode);
        var service = name + "_service";
        var password = server.CreateRole(service);
        // The grants exactly as docs/cluster.md gives them, for this test's role.
        foreach (var grant in DocumentedGrants())
        {
            server.Execute(name, grant.Replace("fedmd_service", service, StringComparison.Ordinal));
        }

        var serviceRole = new ServiceRole(owner.ConnectionString.Replace($"Username={name}", $"Username={service}", StringComparison.Ordinal), password);
        using var node = new ClusterNode("node-a", serviceRole, key, certificate, Hourly);

        var pass = node.Fedmd("run", "--once");
        Assert.True(pass.ExitCode == 0, pass.Output);
        Assert.Equal(0, node.Fedmd("db", "status").ExitCode);
        var delete = ExternalTool.Run("psql", ["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", service, "-d", name, "-c", "DELETE FROM fedmd_ledger"],
            new Dictionary<string, string?> { ["PGPASSWORD"] = password });
        Assert.NotEqual(0, delete.ExitCode);
        Assert.Contains("permission denied", delete.StandardError, StringComparison.Ordinal);
    }

    private static List<string> DocumentedGrants()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("docs", "cluster.md"));
        var block = SqlBlock().Match(text);
        Assert.True(block.Success, "docs/cluster.md has no ```sql block");
        var grants = block.Groups[1].Value.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("GRANT ", StringComparison.Ordinal) || l.StartsWith("REVOKE ", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(grants);
        return grants;
    }

    [GeneratedRegex(@"```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
