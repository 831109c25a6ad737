using Fedmd.Tests.Cluster.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Cluster;

/// <summary><c>fedmd db init</c> and <c>db status</c> against a real PostgreSQL, and the rules for the Cluster section.</summary>
[Collection(PostgresTests.Name)]
public sealed class DbCommandTests(PostgresServer server)
{
    private const string Hourly = "0 0 * * * ?";

    [Fact]
    public void Db_init_creates_the_schema_once_and_running_it_again_changes_nothing()
    {
        var name = TestDatabaseName.New("init");
        var role = server.CreateDatabase(name);
        using var node = NewNode("a", role);

        var first = node.Fedmd("db", "init");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("schema version 2 (applied 1, 2)", first.StandardOutput, StringComparison.Ordinal);
        var tables = Tables(name);
        var second = node.Fedmd("db", "init");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("already up to date", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(tables, Tables(name));
        Assert.Equal(["fedmd_audit_head", "fedmd_claim", "fedmd_document", "fedmd_ledger", "fedmd_node", "fedmd_schema_version"], tables);
        Assert.Equal(2L, server.Query(name, "SELECT count(*) FROM fedmd_schema_version")[0][0]);
        var status = node.Fedmd("db", "status");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("schema version: 2", status.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(role.Password, first.Output + second.Output + status.Output + node.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Db_init_merges_a_single_node_ledger_without_changing_an_instant_already_shared()
    {
        var name = TestDatabaseName.New("merge");
        using var node = NewNode("a", server.CreateDatabase(name));
        var ledger = Path.Combine(Path.GetDirectoryName(node.ConfigFile)!, "registration-ledger.json");
        File.WriteAllText(ledger, "{\n  \"https://idp.example.org/idp\": \"2019-05-06T07:08:09Z\"\n}\n");
        Assert.Equal(0, node.Fedmd("db", "init").ExitCode);
        File.WriteAllText(ledger, "{\n  \"https://idp.example.org/idp\": \"2024-01-01T00:00:00Z\",\n  \"https://sp.example.org/sp\": \"2020-01-02T03:04:05Z\"\n}\n");

        var again = node.Fedmd("db", "init");

        Assert.True(again.ExitCode == 0, again.Output);
        var rows = server.Query(name, "SELECT entity_id, to_char(registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM fedmd_ledger ORDER BY entity_id")
            .Select(r => $"{r[0]} {r[1]}").ToList();
        Assert.Equal(["https://idp.example.org/idp 2019-05-06T07:08:09Z", "https://sp.example.org/sp 2020-01-02T03:04:05Z"], rows);
    }

    [Fact]
    public void Db_status_before_db_init_says_to_run_it()
    {
        using var node = NewNode("a", server.CreateDatabase(TestDatabaseName.New("fresh")));

        var status = node.Fedmd("db", "status");

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("schema version 0", status.StandardError, StringComparison.Ordinal);
        Assert.Contains("run: fedmd db init", status.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_file_others_can_read_is_refused_without_printing_the_password()
    {
        var role = server.CreateDatabase(TestDatabaseName.New("mode"));
        using var node = NewNode("a", role);
        File.SetUnixFileMode(node.PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = node.Fedmd("db", "init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cluster:PasswordFile", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("chmod 600", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(role.Password, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_the_connection_string_is_refused_and_never_echoed()
    {
        var role = server.CreateDatabase(TestDatabaseName.New("inline"));
        using var node = NewNode("a", role);

        var result = FedmdCli.Run(["--config", node.ConfigFile, "db", "status"],
            new Dictionary<string, string?> { ["FEDMD__Cluster__ConnectionString"] = role.ConnectionString + ";Password=" + role.Password });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cluster:ConnectionString: must not hold a password", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(role.Password, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_is_an_infrastructure_failure_that_names_the_server_but_not_the_password()
    {
        var role = server.CreateDatabase(TestDatabaseName.New("wrong"));
        using var node = NewNode("a", role);
        const string Wrong = "not-the-password-4711";
        File.WriteAllText(node.PasswordFile, Wrong + "\n");

        var result = node.Fedmd("db", "init");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("28P01", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{server.Port}", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, result.Output + node.LogText(), StringComparison.Ordinal);
        Assert.DoesNotContain(role.Password, result.Output + node.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_once_refuses_with_exit_3_and_publishes_nothing_while_PostgreSQL_is_unreachable()
    {
        var role = server.CreateDatabase(TestDatabaseName.New("down"));
        using var node = NewNode("a", role);
        // Nothing listens there: the listener that found the port is gone.
        var closed = role.ConnectionString.Replace($"Port={server.Port}", $"Port={ClosedPort()}", StringComparison.Ordinal);

        var result = FedmdCli.Run(["--config", node.ConfigFile, "run", "--once"], new Dictionary<string, string?> { ["FEDMD__Cluster__ConnectionString"] = closed });

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("is unreachable", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(node.PublishedFeed), "a node without its database published");
        Assert.DoesNotContain(role.Password, result.Output + node.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_file_without_a_connection_string_is_a_configuration_error()
    {
        using var node = NewNode("a", server.CreateDatabase(TestDatabaseName.New("nocs")));

        var result = FedmdCli.Run(["--config", node.ConfigFile, "db", "status"], new Dictionary<string, string?> { ["FEDMD__Cluster__ConnectionString"] = string.Empty });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cluster:ConnectionString: must be set when Cluster:PasswordFile or Cluster:NodeName is", result.StandardError, StringComparison.Ordinal);
    }

    private static ClusterNode NewNode(string name, ServiceRole role)
    {
        var (key, certificate) = TestCertificates.CreateRsa("fedmd cluster test");
        return new ClusterNode(name, role, key, certificate, Hourly);
    }

    private List<string> Tables(string database) =>
        server.Query(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")
            .Select(r => (string)r[0]!).ToList();

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
