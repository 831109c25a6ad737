using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fedmd.Metadata.Failures;

namespace Fedmd.Aggregator.Reporting;

/// <summary>Serialises the run report as <c>report.json</c>: camelCase, indented, readable non-ASCII.</summary>
public static class ReportJson
{
    /// <summary>The report's file name beside the feeds.</summary>
    public const string FileName = "report.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    // A baseline is compared by its feeds (counts, each entity's hash), never by the previous entities' findings: its
    // reader skips those, most of a large registry's report, instead of building them only to drop them.
    private static readonly JsonSerializerOptions BaselineOptions = new(Options) { Converters = { new SkippedEntityReport() } };

    /// <summary>The report as UTF-8 JSON.</summary>
    public static byte[] ToBytes(RunReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);

    /// <summary>Writes the same bytes as <see cref="ToBytes"/> to <paramref name="output"/>, without holding them (a large registry's report is tens of MB).</summary>
    public static void Write(Stream output, RunReport report) => JsonSerializer.Serialize(output, report, Options);

    /// <summary>
    /// Reads the report published beside the feeds as a baseline, or null when there is none yet: its entities are
    /// left out (empty), its feeds, totals and sources read.
    /// </summary>
    /// <exception cref="FedmdException">The file exists but is not a report: the guard rails would have no baseline.</exception>
    public static RunReport? ReadPrevious(string publishDirectory)
    {
        var path = Path.Combine(publishDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        // Read as a stream: a large registry's report is tens of MB, and the objects are all that is kept.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Parsed(() => JsonSerializer.Deserialize<RunReport>(stream, BaselineOptions), path);
    }

    /// <summary>Reads a baseline kept elsewhere (a database, say) as <see cref="ReadPrevious"/> does; <paramref name="origin"/> names it in the failure.</summary>
    /// <exception cref="FedmdException">The content is not a report: the guard rails would have no baseline.</exception>
    public static RunReport? Parse(byte[] content, string origin) => Parsed(() => JsonSerializer.Deserialize<RunReport>(content, BaselineOptions), origin);

    // Each previous entity is read past, one at a time, and none is kept.
    private sealed class SkippedEntityReport : JsonConverter<EntityReport>
    {
        public override EntityReport? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The serializer has buffered the whole value for a converter, so it can be skipped though more of the
            // file follows (Skip() refuses that).
            return reader.TrySkip() ? null : throw new JsonException("an entity of the previous report is incomplete");
        }

        public override void Write(Utf8JsonWriter writer, EntityReport value, JsonSerializerOptions options) =>
            throw new NotSupportedException("a baseline is only read");
    }

    private static RunReport? Parsed(Func<RunReport?> parse, string origin)
    {
        try
        {
            return parse() is { } report ? report with { Entities = [] } : null;
        }
        catch (JsonException e)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"the previous run report {origin} cannot be read ({e.Message}); without it the drop guard has no baseline. Restore it or, after checking the registry, delete it");
        }
    }
}
