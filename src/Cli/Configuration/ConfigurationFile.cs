using System.Text;
using System.Text.Json;
using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// The configuration file, read once and parsed as the JSON configuration provider parses it (comments skipped,
/// trailing commas allowed). It is parsed here rather than only by the provider because the provider flattens JSON to
/// <c>Key:0:Name</c> strings, where a string, an empty list and an object all look alike; the shape check needs the
/// document itself, and a syntax error then names its line and position.
/// </summary>
internal sealed class ConfigurationFile
{
    private static readonly JsonDocumentOptions Parsing = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private ConfigurationFile(string path, byte[] content, JsonElement root)
    {
        Path = path;
        Content = content;
        Root = root;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The bytes read, which the binder reads too, so that both see the same file.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The parsed document's root.</summary>
    public JsonElement Root { get; }

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="FedmdException">The file cannot be read or is not valid JSON (exit 2).</exception>
    public static ConfigurationFile Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FedmdException(FailureKind.Configuration, $"configuration file {path} cannot be read: {e.Message}", e);
        }

        var json = content.AsMemory();
        if (json.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            using var document = JsonDocument.Parse(json, Parsing);
            return new ConfigurationFile(path, content, document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            // System.Text.Json counts from 0 and appends its own position to the message; editors count from 1.
            var reason = e.Message;
            var own = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = own < 0 ? reason : reason[..own];
            throw new FedmdException(FailureKind.Configuration,
                $"configuration file {path} is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {reason}", e);
        }
    }
}
