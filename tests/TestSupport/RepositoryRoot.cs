namespace Fedmd.TestSupport;

/// <summary>Finds the checkout (the directory holding Federation.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    /// <summary>The checkout's root directory.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path inside the checkout.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Federation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Federation.sln not found above " + AppContext.BaseDirectory);
    }
}
