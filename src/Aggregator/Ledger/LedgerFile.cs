using System.Globalization;
using System.Text;
using System.Text.Json;
using Fedmd.Metadata.Failures;

namespace Fedmd.Aggregator.Ledger;

/// <summary>
/// Reads and writes the ledger as a JSON object of entityID to instant, one entry per line in ordinal entityID order,
/// so that it diffs cleanly in git. Written atomically (temporary file, flush, rename).
/// </summary>
public static class LedgerFile
{
    /// <summary>Reads the ledger; a missing file is an empty ledger.</summary>
    /// <exception cref="FedmdException">The file exists but is not a ledger (never silently reset).</exception>
    public static RegistrationLedger Read(string path)
    {
        if (!File.Exists(path))
        {
            return RegistrationLedger.Empty;
        }

        try
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path, Encoding.UTF8)) ?? [];
            return RegistrationLedger.Of(entries.Select(e => KeyValuePair.Create(e.Key,
                DateTimeOffset.Parse(e.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal))));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"registration ledger {path} cannot be read ({e.Message}); restore it from version control, never delete it: registration instants would change");
        }
    }

    /// <summary>Writes the ledger.</summary>
    public static void Write(string path, RegistrationLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var text = new StringBuilder("{\n");
        var entries = ledger.Entries.ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append("  ").Append(JsonSerializer.Serialize(entries[i].Key)).Append(": \"")
                .Append(entries[i].Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('"')
                .Append(i < entries.Count - 1 ? ",\n" : "\n");
        }

        text.Append("}\n");
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
