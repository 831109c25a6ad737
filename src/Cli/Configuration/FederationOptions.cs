namespace Fedmd.Cli.Configuration;

/// <summary>The federation's identity.</summary>
internal sealed class FederationOptions
{
    /// <summary>Human name, shown on the fingerprint page.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The <c>mdrpi:PublicationInfo</c> publisher URI.</summary>
    public string Publisher { get; set; } = string.Empty;
}
