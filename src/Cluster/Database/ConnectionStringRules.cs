using Npgsql;

namespace Fedmd.Cluster.Database;

/// <summary>What <c>Cluster:ConnectionString</c> must be: one Npgsql connection string that carries no password.</summary>
public static class ConnectionStringRules
{
    /// <summary>Why <paramref name="text"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the text, and with it a password: say only what is wrong.
            return "is not an Npgsql connection string, e.g. 'Host=127.0.0.1;Port=5432;Database=fedmd;Username=fedmd'";
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            return "must not hold a password; put it in the file Cluster:PasswordFile names (mode 600) and remove Password= from the connection string";
        }

        return string.IsNullOrEmpty(builder.Host) ? "names no Host, e.g. 'Host=127.0.0.1;Database=fedmd;Username=fedmd'" : null;
    }
}
