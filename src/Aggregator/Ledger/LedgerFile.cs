using System.Text;
using System.Text.Json;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;

namespace Fedmd.Aggregator.Ledger;

/// <summary>
/// Reads and writes the ledger as a JSON object of entityID to instant, one entry per line in ordinal entityID order,
/// so that it diffs cleanly in git.
/// </summary>
public static class LedgerFile
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the ledger; a missing file is an empty ledger.</summary>
    /// <exception cref="FedmdException">The file exists but is not a ledger (never silently reset).</exception>
    public static RegistrationLedger Read(string path)
    {
        if (!File.Exists(path))
        {
            return RegistrationLedger.Empty;
        }

        Dictionary<string, string> entries;
        try
        {
            entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path, Encoding.UTF8)) ?? [];
        }
        catch (JsonException e)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"registration ledger {path} cannot be read ({e.Message}); restore it from version control, never delete it: registration instants would change");
        }

        return RegistrationLedger.Of(entries.Select(e => KeyValuePair.Create(e.Key, Instant(path, e.Key, e.Value))));
    }

    private static DateTimeOffset Instant(string path, string entityId, string text) =>
        XsDateTime.TryParse(text, out var instant)
            ? instant
            : throw new FedmdException(FailureKind.Configuration,
                $"registration ledger {path}: the instant '{text}' of {entityId} is not an xs:dateTime with a time zone (e.g. 2020-01-02T03:04:05Z); restore the entry from version control, never delete it: its registration instant would change");

    /// <summary>The ledger's file content; the caller writes it atomically.</summary>
    public static byte[] Serialize(RegistrationLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var text = new StringBuilder("{\n");
        var entries = ledger.Entries.ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append("  ").Append(JsonSerializer.Serialize(entries[i].Key, Options)).Append(": \"")
                .Append(XsDateTime.Format(entries[i].Value)).Append('"')
                .Append(i < entries.Count - 1 ? ",\n" : "\n");
        }

        return Encoding.UTF8.GetBytes(text.Append("}\n").ToString());
    }
}
