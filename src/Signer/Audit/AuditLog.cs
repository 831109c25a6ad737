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

    // The next sequence number is the number of lines, and the chain continues from the last line that carries a
    // hash. Lines are counted as bytes and only the end of the file is parsed, so an append costs the same on the
    // first day as after years of hourly signing (parsing every line made each append grow with the log).
    private static (long Count, string LastHash) Tail(FileStream stream)
    {
        var length = stream.Length;
        var count = LineCount(stream, length);
        for (var window = Math.Min(length, TailWindow); window > 0; window = Math.Min(length, window * 2))
        {
            var tail = new byte[window];
            stream.Position = length - window;
            stream.ReadExactly(tail);
            // The window's first line may be cut, unless the window starts the file.
            var complete = window == length ? tail.AsSpan() : tail.AsSpan(tail.AsSpan().IndexOf((byte)'\n') + 1);
            if (LastHash(complete) is { } hash)
            {
                return (count, hash);
            }

            if (window == length)
            {
                break;
            }
        }

        return (count, AuditLine.Genesis);
    }

    private const int TailWindow = 64 * 1024;

    // As StreamReader.ReadLine counts them: a last line without its newline is a line too.
    private static long LineCount(FileStream stream, long length)
    {
        var buffer = new byte[1 << 20];
        var count = 0L;
        var last = (byte)'\n';
        stream.Position = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return length > 0 && last != (byte)'\n' ? count + 1 : count;
    }

    private static string? LastHash(ReadOnlySpan<byte> lines)
    {
        while (!lines.IsEmpty)
        {
            var end = lines[^1] == (byte)'\n' ? lines.Length - 1 : lines.Length;
            var start = lines[..end].LastIndexOf((byte)'\n') + 1;
            if (AuditLine.Parse(Encoding.UTF8.GetString(lines[start..end]).TrimEnd('\r')).Hash is { } hash)
            {
                return hash;
            }

            lines = lines[..start];
        }

        return null;
    }
}
