using System.Text;

namespace Fedmd.Signer.Audit;

/// <summary>
/// An append-only file of JSON lines, one per signing, chained by hashes. Appends hold an exclusive lock on the file
/// so that two processes cannot both chain to the same line.
/// </summary>
public sealed class AuditLog(string path)
{
    /// <summary>The log file.</summary>
    public string Path { get; } = path;

    /// <summary>Appends an entry built by <paramref name="create"/> from the next sequence number and the last line's hash.</summary>
    public AuditEntry Append(Func<long, string, AuditEntry> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var (count, lastHash) = Tail(stream);
        var entry = create(count + 1, lastHash);
        var (text, _) = AuditLine.Format(entry);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(text + "\n"));
        stream.Flush(flushToDisk: true);
        return entry;
    }

    /// <summary>Checks the whole chain; returns one message per problem, each naming the line.</summary>
    public IReadOnlyList<string> Verify()
    {
        if (!File.Exists(Path))
        {
            return [$"audit log {Path} does not exist"];
        }

        var problems = new List<string>();
        var previous = AuditLine.Genesis;
        var number = 0;
        foreach (var text in File.ReadLines(Path))
        {
            number++;
            var (entry, hash, problem) = AuditLine.Parse(text);
            if (problem is not null)
            {
                problems.Add($"{Path} line {number} {problem}");
            }
            else if (entry!.Sequence != number || !string.Equals(entry.Previous, previous, StringComparison.Ordinal))
            {
                problems.Add($"{Path} line {number} (sequence {entry.Sequence}) does not follow the line before it: a line was removed, inserted or reordered");
            }

            previous = hash ?? previous;
        }

        return problems;
    }

    private static (long Count, string LastHash) Tail(FileStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var count = 0L;
        var last = AuditLine.Genesis;
        while (reader.ReadLine() is { } line)
        {
            count++;
            last = AuditLine.Parse(line).Hash ?? last;
        }

        return (count, last);
    }
}
