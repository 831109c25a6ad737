namespace Fedmd.Cli.Configuration;

/// <summary>Where entities come from.</summary>
public sealed class RegistryOptions
{
    /// <summary>Directory of entity files, one md:EntityDescriptor each.</summary>
    public string EntitiesDirectory { get; set; } = string.Empty;

    /// <summary>Largest entity file accepted, in bytes.</summary>
    public long MaxEntityBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Keep the first of duplicate entityIDs instead of excluding all copies.</summary>
    public bool DuplicateFirstWins { get; set; }
}
