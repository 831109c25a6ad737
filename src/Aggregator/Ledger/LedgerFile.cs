using Fedmd.Metadata.Values;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fedmd.Aggregator.Assembly;
using Fedmd.Metadata.Failures;

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
