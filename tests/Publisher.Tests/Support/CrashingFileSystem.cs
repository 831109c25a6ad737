using Fedmd.Publisher.Local;
using Fedmd.Publisher.Publication;

namespace Fedmd.Tests.Publisher.Support;

/// <summary>
/// Counts a publication's file-system steps and stops it dead before step <c>crashAt</c> (zero-based), as a kill -9
/// would: the step does not happen and nothing after it runs. A negative <c>crashAt</c> only counts.
/// </summary>
public sealed class CrashingFileSystem(int crashAt) : IPublicationFileSystem
{
    private readonly PosixPublicationFileSystem _real = new();

    public int Steps { get; private set; }

    public List<string> Log { get; } = [];

    public void WriteNewFile(string path, FileContent content)
    {
        Step($"write {path}");
        _real.WriteNewFile(path, content);
    }

    public void CreateDirectory(string path)
    {
        Step($"mkdir {path}");
        _real.CreateDirectory(path);
    }

    public void CreateSymbolicLink(string path, string target)
    {
        Step($"symlink {path} -> {target}");
        _real.CreateSymbolicLink(path, target);
    }

    public void Rename(string source, string destination)
    {
        Step($"rename {source} {destination}");
        _real.Rename(source, destination);
    }

    public void Exchange(string first, string second)
    {
        Step($"exchange {first} {second}");
        _real.Exchange(first, second);
    }

    public void SyncDirectory(string path)
    {
        Step($"fsync {path}");
        _real.SyncDirectory(path);
    }

    public void Delete(string path)
    {
        Step($"delete {path}");
        _real.Delete(path);
    }

    private void Step(string what)
    {
        if (Steps == crashAt)
        {
            throw new SimulatedCrashException($"crashed before step {Steps}: {what}");
        }

        Steps++;
        Log.Add(what);
    }
}

public sealed class SimulatedCrashException(string message) : Exception(message);
