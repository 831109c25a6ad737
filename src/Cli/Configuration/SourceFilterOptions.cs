namespace Fedmd.Cli.Configuration;

/// <summary>
/// Which entities of a remote source are imported (<c>Sources[n]:Filters</c>). Every filter that is set must hold;
/// within <see cref="Roles"/> and <see cref="EntityCategories"/> any value matches.
/// </summary>
internal sealed class SourceFilterOptions
{
    /// <summary>Role descriptors imported, e.g. <c>IDPSSODescriptor</c>; empty for any.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Entity categories imported (values of <c>http://macedir.org/entity-category</c>); empty for any.</summary>
    public List<string> EntityCategories { get; set; } = [];

    /// <summary>entityIDs never imported.</summary>
    public List<string> BlockedEntityIds { get; set; } = [];

    /// <summary>Leave out entities whose registrationAuthority is this federation's (they come back from eduGAIN).</summary>
    public bool ExcludeOwnRegistrations { get; set; } = true;

    /// <summary>Import only entities that claim Sirtfi.</summary>
    public bool SirtfiOnly { get; set; }
}
