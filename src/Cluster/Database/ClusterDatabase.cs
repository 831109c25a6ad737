using System.Net.Sockets;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Npgsql;

namespace Fedmd.Cluster.Database;

/// <summary>
/// The shared PostgreSQL database: connections with the password read from <c>Cluster:PasswordFile</c>, and every
/// failure turned into one line that names the server and the fix, never the password.
/// </summary>
public sealed class ClusterDatabase : IDisposable
{
    private const string UndefinedTable = "42P01";

    private readonly NpgsqlDataSource _source;

    private ClusterDatabase(NpgsqlDataSource source, string server, string nodeName)
    {
        _source = source;
        Server = server;
        NodeName = nodeName;
    }

    /// <summary>The server and database, as failures and <c>fedmd db status</c> name them (no credentials).</summary>
    public string Server { get; }

    /// <summary>This node's name.</summary>
    public string NodeName { get; }

    /// <summary>Prepares connections for <paramref name="settings"/>; nothing is connected yet.</summary>
    /// <exception cref="FedmdException">The password file is missing or readable by others (exit 2).</exception>
    public static ClusterDatabase Open(ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            ApplicationName = "fedmd " + settings.NodeName,
            // An unreachable server must fail a claim quickly, not hold the pass for Npgsql's default 15 s.
            Timeout = 5,
            PersistSecurityInfo = false,
        };
        if (settings.PasswordFile is { } file)
        {
            builder.Password = ReadPassword(file);
        }

        var server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        return new ClusterDatabase(NpgsqlDataSource.Create(builder), server, settings.NodeName);
    }

    /// <summary>Runs <paramref name="work"/> on an open connection.</summary>
    /// <exception cref="FedmdException">PostgreSQL is unreachable or refused (exit 3, inner <see cref="ClusterUnreachableException"/>), or holds no fedmd schema (exit 2).</exception>
    public T Run<T>(Func<NpgsqlConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            using var connection = _source.OpenConnection();
            return work(connection);
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"PostgreSQL {Server} (Cluster:ConnectionString) holds no fedmd schema ({e.MessageText}); run: fedmd db init");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var reason = Reason(e);
            throw new FedmdException(FailureKind.Infrastructure,
                $"PostgreSQL {Server} (Cluster:ConnectionString) is unreachable or refused: {reason}; this node runs no pass until it answers",
                new ClusterUnreachableException(reason));
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        });
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private static string ReadPassword(string file)
    {
        if (!File.Exists(file))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"Cluster:PasswordFile {file} does not exist; create it with the service role's password only, owned by the service user, chmod 600");
        }

        KeyFilePermissions.RequireOwnerOnly(file, "Cluster:PasswordFile");
        return File.ReadAllText(file).TrimEnd('\r', '\n');
    }

    // Built from codes, never from Npgsql's message, which may quote the connection it tried.
    private static string Reason(Exception e) => e switch
    {
        PostgresException p => $"{p.SqlState} {p.MessageText}",
        TimeoutException => "no answer within the timeout",
        SocketException s => s.SocketErrorCode.ToString(),
        _ when e.InnerException is SocketException s => s.SocketErrorCode.ToString(),
        _ when e.InnerException is TimeoutException => "no answer within the timeout",
        _ => e.GetType().Name,
    };
}
