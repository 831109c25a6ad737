using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fedmd.Signer.Audit;

/// <summary>
/// The text form of an audit entry: the entry's JSON object with a last member <c>"hash"</c>, the SHA-256 of the
/// object's text without that member. The next line's <c>previous</c> repeats this hash, so an edited, removed or
/// reordered line breaks the chain, and an edited last line no longer matches its own hash.
/// </summary>
internal static partial class AuditLine
{
    /// <summary>The <c>previous</c> of the first line.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Writes <paramref name="entry"/> as one line (without the newline) and returns it with its hash.</summary>
    public static (string Text, string Hash) Format(AuditEntry entry)
    {
        var body = JsonSerializer.Serialize(entry, AuditJsonContext.Default.AuditEntry);
        var hash = HashOf(body);
        return (string.Concat(body.AsSpan(0, body.Length - 1), $",\"hash\":\"{hash}\"}}"), hash);
    }

    /// <summary>Reads one line; the reason is null when the line is intact.</summary>
    public static (AuditEntry? Entry, string? Hash, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = HashedLine().Match(text);
        if (!match.Success)
        {
            return (null, null, "is not an audit entry with a trailing hash");
        }

        var body = match.Groups["body"].Value + "}";
        var hash = match.Groups["hash"].Value;
        if (!string.Equals(HashOf(body), hash, StringComparison.Ordinal))
        {
            return (null, hash, "was edited: its content no longer matches its hash");
        }

        try
        {
            var entry = JsonSerializer.Deserialize(body, AuditJsonContext.Default.AuditEntry);
            return entry is null ? (null, hash, "holds no entry") : (entry, hash, null);
        }
        catch (JsonException e)
        {
            return (null, hash, $"is not valid JSON ({e.Message})");
        }
    }

    private static string HashOf(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    [GeneratedRegex("""^(?<body>\{.*),"hash":"(?<hash>[0-9a-f]{64})"\}$""", RegexOptions.CultureInvariant)]
    private static partial Regex HashedLine();
}
