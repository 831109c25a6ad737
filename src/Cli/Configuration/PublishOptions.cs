namespace Fedmd.Cli.Configuration;

/// <summary>Where the signed aggregate goes.</summary>
public sealed class PublishOptions
{
    /// <summary>The web root.</summary>
    public string Directory { get; set; } = "out/publish";

    /// <summary>Public base URL of the web root, for the fingerprint page; optional.</summary>
    public string? BaseUrl { get; set; }
}
