using System.Text.Json;
using Fedmd.Metadata.Files;

namespace Fedmd.Fetcher;

/// <summary>
/// The ETag and Last-Modified of the kept document, stored beside it (<c>FILE.validators.json</c>) so that the next
/// fetch is a conditional GET. They are used only for the URL they came from.
/// </summary>
internal sealed record CacheValidators(string Url, string? ETag, string? LastModified)
{
    /// <summary>The sidecar file of <paramref name="outputPath"/>.</summary>
    public static string PathFor(string outputPath) => outputPath + ".validators.json";

    /// <summary>Reads the validators kept for <paramref name="outputPath"/> and <paramref name="url"/>, if any.</summary>
    public static CacheValidators? Read(string outputPath, Uri url)
    {
        var path = PathFor(outputPath);
        if (!File.Exists(path) || !File.Exists(outputPath))
        {
            return null;
        }

        try
        {
            var validators = JsonSerializer.Deserialize<CacheValidators>(File.ReadAllText(path));
            return validators is not null && validators.Url == url.ToString() ? validators : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores the validators beside <paramref name="outputPath"/>.</summary>
    public void Write(string outputPath) => AtomicFileWriter.Write(PathFor(outputPath), JsonSerializer.SerializeToUtf8Bytes(this));
}
