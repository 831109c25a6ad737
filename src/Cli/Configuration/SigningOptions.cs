namespace Fedmd.Cli.Configuration;

/// <summary>The metadata signing key and certificate.</summary>
public sealed class SigningOptions
{
    /// <summary>RFC 7512 URI of the key, including <c>module-path</c>.</summary>
    public string KeyUri { get; set; } = string.Empty;

    /// <summary>PEM certificate of the key, put in KeyInfo and on the fingerprint page.</summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>File holding the user PIN (mode 600). Either this or <see cref="PinEnvironmentVariable"/>.</summary>
    public string? PinFile { get; set; }

    /// <summary>Environment variable holding the user PIN.</summary>
    public string? PinEnvironmentVariable { get; set; }

    /// <summary><c>rsa-sha256</c> (default), <c>rsa-sha384</c> or <c>rsa-sha512</c>.</summary>
    public string SignatureMethod { get; set; } = "rsa-sha256";
}
