using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Support;

/// <summary>The committed metadata samples.</summary>
public static class Samples
{
    /// <summary>metadata-samples/.</summary>
    public static string Directory => RepositoryRoot.Combine("metadata-samples");

    /// <summary>metadata-samples/bad/.</summary>
    public static string BadDirectory => RepositoryRoot.Combine("metadata-samples", "bad");

    /// <summary>A good sample's path.</summary>
    public static string Good(string name) => Path.Combine(Directory, name);

    /// <summary>A broken sample's path.</summary>
    public static string Bad(string name) => Path.Combine(BadDirectory, name);

    /// <summary>Every top-level sample file name.</summary>
    public static TheoryData<string> GoodNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.xml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
