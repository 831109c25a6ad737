using Fedmd.Verification;

namespace Fedmd.Cli.Configuration;

/// <summary>The metadata signing key and certificate.</summary>
internal sealed class SigningOptions
{
    /// <summary>RFC 7512 URI of the key, including <c>module-path</c>.</summary>
    public string KeyUri { get; set; } = string.Empty;

    /// <summary>PEM certificate of the key, put in KeyInfo and on the fingerprint page.</summary>
    public string CertificateFile { get; set; } = string.Empty;

    /// <summary>File holding the user PIN (mode 600). Either this or <see cref="PinEnvironmentVariable"/>.</summary>
    public string? PinFile { get; set; }

    /// <summary>Environment variable holding the user PIN.</summary>
    public string? PinEnvironmentVariable { get; set; }

    /// <summary>
    /// The name of a row of <see cref="Verification.SignatureMethod.All"/>: <c>rsa-sha256</c> (default) and the other
    /// <c>rsa-*</c> names for an RSA key, <c>ecdsa-*</c> for an EC key. Read it through <see cref="Method"/>.
    /// </summary>
    public string SignatureMethod { get; set; } = "rsa-sha256";

    /// <summary>Warn on every signing when the certificate expires within this duration (default P90D).</summary>
    public string CertificateWarnBefore { get; set; } = "P90D";

    /// <summary>Refuse to sign when the certificate expires within this duration (default P14D).</summary>
    public string CertificateRefuseBefore { get; set; } = "P14D";

    /// <summary>Reconnects tried after a session or token failure before giving up (default 5).</summary>
    public int RecoveryRetries { get; set; } = 5;

    /// <summary>Wait before the first reconnect; doubled for each further one (default PT1S).</summary>
    public string RecoveryFirstDelay { get; set; } = "PT1S";

    /// <summary>Longest wait between reconnects (default PT15S).</summary>
    public string RecoveryLongestDelay { get; set; } = "PT15S";

    /// <summary>
    /// The hash-chained audit log of signings; a relative path is taken inside <c>StateDirectory</c>
    /// (default <c>signing-audit.jsonl</c>).
    /// </summary>
    public string AuditLog { get; set; } = "signing-audit.jsonl";

    /// <summary>
    /// <see cref="SignatureMethod"/> as the table's row, the only form the rest of the program sees. A method, not a
    /// property, so that configuration binding never mistakes it for a setting.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not in the table (the validator refuses it first).</exception>
    public SignatureMethod Method() => Verification.SignatureMethod.FromName(SignatureMethod);
}
