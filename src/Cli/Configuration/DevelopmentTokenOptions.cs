namespace Fedmd.Cli.Configuration;

/// <summary>The development token's secrets; never used outside the development profile.</summary>
internal sealed class DevelopmentTokenOptions
{
    /// <summary>File holding the development token's SO PIN.</summary>
    public string SoPinFile { get; set; } = string.Empty;

    /// <summary>PKCS#8 PEM private key imported into the development token.</summary>
    public string KeyFile { get; set; } = string.Empty;
}
