namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>One request of a web server's access log, as far as the straggler report needs it.</summary>
/// <param name="Address">The client's address.</param>
/// <param name="Time">When the request was served.</param>
/// <param name="Path">The requested path, without the query string.</param>
/// <param name="Status">The HTTP status sent.</param>
/// <param name="UserAgent">The client's User-Agent, or <c>-</c>.</param>
public sealed record AccessLogEntry(string Address, DateTimeOffset Time, string Path, int Status, string UserAgent)
{
    /// <summary>Whether the client received the feed: 200, or 304 (its copy is still the served one).</summary>
    public bool Fetched => Status is 200 or 304;

    /// <summary>The requested file's name (the last path segment).</summary>
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];
}
