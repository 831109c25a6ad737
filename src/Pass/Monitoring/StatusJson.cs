using System.Text;
using System.Text.Json;

namespace Fedmd.Pass.Monitoring;

/// <summary>The report as JSON (<c>fedmd status --json</c>); its shape is documented in docs/monitoring.md.</summary>
public static class StatusJson
{
    /// <summary>Renders the report.</summary>
    public static string Render(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", NagiosOutput.Name(report.Level));
            json.WriteNumber("exitCode", (int)report.Level);
            json.WriteString("checkedAt", report.CheckedAt);
            json.WriteStartArray("checks");
            foreach (var line in report.Lines)
            {
                json.WriteStartObject();
                json.WriteString("check", line.Check);
                json.WriteString("subject", line.Subject);
                json.WriteString("status", NagiosOutput.Name(line.Level));
                json.WriteString("summary", line.Summary);
                json.WriteStartObject("values");
                foreach (var value in line.Values)
                {
                    json.WriteNumber(value.Label, value.Value);
                }

                json.WriteEndObject();
                json.WriteStartObject("details");
                foreach (var (name, text) in line.Details)
                {
                    json.WriteString(name, text);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
