namespace Fedmd.Cli.Configuration;

/// <summary>Where the signed feeds go: the local web root (always) and any WebDAV mirrors.</summary>
internal sealed class PublishOptions
{
    /// <summary>The web root.</summary>
    public string Directory { get; set; } = "out/publish";

    /// <summary>Public base URL of the web root, for the fingerprint page; optional.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How many past publications <c>history/</c> in the web root keeps, with their reports.</summary>
    public int HistoryVersions { get; set; } = 48;

    /// <summary>WebDAV mirrors each publication is pushed to after the web root, over mutually authenticated TLS.</summary>
    public List<PublishMirrorOptions> Mirrors { get; set; } = [];

    /// <summary>How a failing mirror push is retried.</summary>
    public PublishRetryOptions MirrorRetry { get; set; } = new();

    /// <summary>Resolves the section's file paths against the configuration file's directory.</summary>
    public void ResolvePaths(Func<string, string> full)
    {
        ArgumentNullException.ThrowIfNull(full);
        Directory = full(Directory);
        foreach (var mirror in Mirrors)
        {
            mirror.ClientCertificateFile = full(mirror.ClientCertificateFile);
            mirror.ClientKeyFile = full(mirror.ClientKeyFile);
            mirror.ServerCaFile = full(mirror.ServerCaFile);
        }
    }
}
