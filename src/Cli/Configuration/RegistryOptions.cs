namespace Fedmd.Cli.Configuration;

/// <summary>Where entities come from, and how the federation registers them.</summary>
internal sealed class RegistryOptions
{
    /// <summary>Directory of entity files, one md:EntityDescriptor each.</summary>
    public string EntitiesDirectory { get; set; } = string.Empty;

    /// <summary>Largest entity file accepted, in bytes.</summary>
    public long MaxEntityBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Keep the first of duplicate entityIDs instead of excluding all copies.</summary>
    public bool DuplicateFirstWins { get; set; }

    /// <summary>
    /// The registration ledger (first-seen registrationInstant per entityID, sorted JSON). Keep it in version control
    /// beside the registry; empty means <c>registration-ledger.json</c> in the state directory.
    /// </summary>
    public string? LedgerFile { get; set; }

    /// <summary>The <c>registrationAuthority</c> injected into every entity; empty means <c>Federation:Publisher</c>.</summary>
    public string? RegistrationAuthority { get; set; }

    /// <summary>The English <c>mdrpi:RegistrationPolicy</c> URL injected into every entity; empty means <c>Federation:Publisher</c>.</summary>
    public string? RegistrationPolicyUrl { get; set; }
}
