using System.Text;
using System.Text.Json;
using Fedmd.KeyLifecycle.Audit;
using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The key-event log until the audit branch is merged: one JSON line per event appended to
/// <c>key-events.jsonl</c> in the state directory, each flushed to disk before the step reports success. Interim: the
/// lead replaces it with the shared key-event log.
/// </summary>
internal sealed class InterimKeyEventLog(string path, TimeProvider clock) : IKeyEventLog
{
    /// <summary>The log's file name in the state directory.</summary>
    public const string FileName = "key-events.jsonl";

    /// <inheritdoc />
    public void Record(KeyEvent keyEvent)
    {
        ArgumentNullException.ThrowIfNull(keyEvent);
        var line = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["time"] = XsDateTime.Format(clock.GetUtcNow()),
            ["operation"] = keyEvent.Operation,
            ["subject"] = keyEvent.Subject,
            ["principals"] = keyEvent.Principals,
            ["detail"] = keyEvent.Detail,
            ["host"] = Environment.MachineName,
            ["user"] = Environment.UserName,
        }) + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }
}
