namespace Fedmd.Cli.Configuration;

/// <summary>
/// One output feed: its Name, file name and selection. Criteria of different kinds must all match; within a kind any
/// value matches; a feed without criteria carries every accepted entity.
/// </summary>
internal sealed class FeedOptions
{
    /// <summary>The aggregate's <c>Name</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>File name in the web root.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>Role descriptors selected, e.g. <c>IDPSSODescriptor</c>.</summary>
    public List<string>? Roles { get; set; }

    /// <summary>Entity attributes selected (an entity category, for instance).</summary>
    public List<EntityAttributeOptions>? EntityAttributes { get; set; }

    /// <summary>entityIDs selected.</summary>
    public List<string>? EntityIds { get; set; }

    /// <summary>Names of the <c>Sources</c> whose entities the feed imports beside the registry's.</summary>
    public List<string>? Sources { get; set; }
}
