using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Fedmd.TestSupport;
using Npgsql;

namespace Fedmd.Tests.Cluster.Support;

/// <summary>
/// A real PostgreSQL from Debian's packages for the cluster tests: its own data and socket directories in a temporary
/// directory, listening on 127.0.0.1 only on a free port, stopped (fast) when the tests are done. initdb and postgres
/// refuse to run as root, so as root (CI) they run as the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    // Debian's postgresql package installs one versioned server (15 on Debian 12).
    private static readonly string Binaries = Directory.GetDirectories("/usr/lib/postgresql")
        .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
        .Select(d => Path.Combine(d, "bin"))
        .First(d => File.Exists(Path.Combine(d, "initdb")));

    private readonly TemporaryDirectory _directory = new();
    private readonly string _superuserPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Creates the cluster and starts the server.</summary>
    public PostgresServer()
    {
        Port = FreePort();
        Directory.CreateDirectory(SocketDirectory);
        var passwordFile = _directory.Combine("superuser-password");
        File.WriteAllText(passwordFile, _superuserPassword + "\n");
        if (IsRoot)
        {
            Require(ExternalTool.Run("chown", ["-R", "postgres:postgres", _directory.Path]), "chown");
        }

        Require(AsServerUser(Path.Combine(Binaries, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", passwordFile, "-E", "UTF8", "--no-instructions"]), "initdb");
        File.Delete(passwordFile);
        Start();
    }

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    private static bool IsRoot => Environment.UserName == "root";

    private string DataDirectory => _directory.Combine("data");

    private string SocketDirectory => _directory.Combine("socket");

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public void Start() =>
        Require(AsServerUser(Path.Combine(Binaries, "pg_ctl"),
            ["-D", DataDirectory, "-l", _directory.Combine("server.log"), "-w", "-t", "60", "-o",
             $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {SocketDirectory} -c fsync=off", "start"]), "pg_ctl start");

    /// <summary>Stops the server at once (open sessions are ended).</summary>
    public void Stop() =>
        Require(AsServerUser(Path.Combine(Binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"]), "pg_ctl stop");

    /// <summary>A new database owned by a new login role with a random password; returns the role's connection settings.</summary>
    public ServiceRole CreateDatabase(string name)
    {
        var password = CreateRole(name);
        Execute("postgres", $"CREATE DATABASE {name} OWNER {name}");
        return new ServiceRole($"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Database={name};Username={name}", password);
    }

    /// <summary>A login role with a random password and no privileges; returns the password.</summary>
    public string CreateRole(string name)
    {
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Execute("postgres", $"CREATE ROLE {name} LOGIN PASSWORD '{password}'");
        return password;
    }

    /// <summary>Runs <paramref name="sql"/> in <paramref name="database"/> as the superuser.</summary>
    public void Execute(string database, string sql)
    {
        using var connection = Connect(database);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The rows <paramref name="sql"/> returns in <paramref name="database"/>, each as its columns.</summary>
    public IReadOnlyList<object?[]> Query(string database, string sql)
    {
        using var connection = Connect(database);
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Stopped even when a test failed; a server already stopped by a test is fine.
        AsServerUser(Path.Combine(Binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);
        _directory.Dispose();
    }

    private NpgsqlConnection Connect(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = "postgres",
            Password = _superuserPassword,
            Pooling = false,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static ToolResult AsServerUser(string program, string[] arguments) =>
        IsRoot ? ExternalTool.Run("runuser", ["-u", "postgres", "--", program, .. arguments]) : ExternalTool.Run(program, arguments);

    private static void Require(ToolResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
