using System.Text;
using Fedmd.Metadata.Files;

namespace Fedmd.Signer.Audit;

/// <summary>
/// An append-only file of JSON lines, one per signing, chained by hashes. Appends hold an exclusive lock on the file
/// so that two processes cannot both chain to the same line.
/// </summary>
/// <param name="path">The log file.</param>
/// <param name="headSink">Also receives each new head (a cluster's database); none on a single node.</param>
public sealed class AuditLog(string path, IAuditHeadSink? headSink = null)
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
        var (text, hash) = AuditLine.Format(entry);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(text + "\n"));
        stream.Flush(flushToDisk: true);
        AtomicFileWriter.Write(HeadPath, Encoding.UTF8.GetBytes($"{entry.Sequence} {hash}\n"));
        headSink?.Record(entry, hash);
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

        problems.AddRange(HeadProblem(number, previous));
        return problems;
    }

    /// <summary>The last line's sequence number (its line count) and hash; sequence 0 and the genesis hash when the log is empty or missing.</summary>
    public (long Sequence, string Hash) LastLine()
    {
        if (!File.Exists(Path))
        {
            return (0, AuditLine.Genesis);
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Tail(stream);
    }

    /// <summary>
    /// The head record beside the log: the last line's sequence number and hash. A hash chain alone cannot show that
    /// lines were cut off its end; the head can.
    /// </summary>
    public string HeadPath => Path + ".head";

    private IEnumerable<string> HeadProblem(int lines, string lastHash)
    {
        if (lines == 0)
        {
            yield break;
        }

        if (!File.Exists(HeadPath))
        {
            yield return $"{HeadPath} is missing, so lines removed from the end of {Path} cannot be ruled out";
            yield break;
        }

        var head = File.ReadAllText(HeadPath).Trim().Split(' ');
        if (head.Length != 2 || head[0] != lines.ToString(System.Globalization.CultureInfo.InvariantCulture) || head[1] != lastHash)
        {
            yield return $"{Path} ends at line {lines}, but {HeadPath} records '{string.Join(' ', head)}': lines were removed from the end, or the log was replaced";
        }
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
