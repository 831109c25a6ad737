using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Failures;

namespace Fedmd.Pass.Work;

/// <summary>
/// One pass's scratch space inside the state directory, so that a pass's memory does not grow with the registry: a
/// directory of its own (owner-only) for the feeds it assembles and signs, and the entity spool. Everything is removed
/// when the pass ends, whether it published or not; what a killed pass left is removed by the next one, which holds
/// the pass lock, so no other pass can be using it.
/// </summary>
internal sealed class PassWorkDirectory : IDisposable
{
    /// <summary>The prefix of every pass's work directory in the state directory.</summary>
    public const string Prefix = "pass-work-";

    private PassWorkDirectory(string path, EntitySpool spool)
    {
        Path = path;
        Spool = spool;
    }

    /// <summary>The directory the pass writes its feeds into.</summary>
    public string Path { get; }

    /// <summary>The pass's entity bytes.</summary>
    public EntitySpool Spool { get; }

    /// <summary>Removes what earlier passes left in <paramref name="stateDirectory"/> and opens a new work directory there; call while holding the pass lock.</summary>
    /// <exception cref="FedmdException">The state directory cannot hold it (exit 3).</exception>
    public static PassWorkDirectory Open(string stateDirectory)
    {
        try
        {
            Directory.CreateDirectory(stateDirectory);
            foreach (var left in Directory.EnumerateDirectories(stateDirectory, Prefix + "*"))
            {
                Directory.Delete(left, recursive: true);
            }

            var path = System.IO.Path.Combine(stateDirectory, Prefix + Guid.NewGuid().ToString("N"));
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return new PassWorkDirectory(path, EntitySpool.Create(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"the pass cannot write its work files in the state directory {stateDirectory} ({e.Message}); make it writable for the user that runs fedmd and free space on its file system", e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Spool.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next pass removes it; a failed clean-up must not turn a publication into a failure.
        }
    }
}
