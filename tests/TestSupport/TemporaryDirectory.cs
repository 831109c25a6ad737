namespace Fedmd.TestSupport;

/// <summary>A directory deleted when the test is done.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates a new empty directory under the system temporary directory.</summary>
    public TemporaryDirectory()
    {
        Path = Directory.CreateTempSubdirectory("fedmd-test-").FullName;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process under test may still hold a file; the system cleans temporary files eventually.
        }
    }
}
