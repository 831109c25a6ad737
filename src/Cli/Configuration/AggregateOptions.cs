namespace Fedmd.Cli.Configuration;

/// <summary>The aggregate's shape.</summary>
internal sealed class AggregateOptions
{
    /// <summary>The aggregate's <c>Name</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>File name in the web root.</summary>
    public string FileName { get; set; } = "federation-metadata.xml";

    /// <summary>How far validUntil lies in the future, as an xs:duration.</summary>
    public string ValidFor { get; set; } = "P10D";

    /// <summary>The aggregate's cacheDuration.</summary>
    public string CacheDuration { get; set; } = "PT6H";
}
