namespace Fedmd.Cli.Configuration;

/// <summary>Key lifecycle (<c>Rollover</c>): dual control and the SAML signing certificate rollover's waits.</summary>
internal sealed class RolloverOptions
{
    /// <summary>Whether dual-controlled steps need two operators' approvals; false only in the development profile.</summary>
    public bool DualControl { get; set; } = true;

    /// <summary>The OpenSSH allowed_signers file listing the operators' principals and SSH public keys.</summary>
    public string? AllowedSigners { get; set; }

    /// <summary>How long an approval counts (default PT24H).</summary>
    public string ApprovalLifetime { get; set; } = "PT24H";

    /// <summary>The shortest time a staged certificate must have been published before activation, when longer than 2 × cacheDuration (default PT48H).</summary>
    public string MinimumOverlap { get; set; } = "PT48H";

    /// <summary>The wait from activation until the old certificate may be removed (default PT48H).</summary>
    public string RetireAfter { get; set; } = "PT48H";

    /// <summary>The validity of a certificate made by <c>rollover saml plan</c> (default P3650D).</summary>
    public string CertificateLifetime { get; set; } = "P3650D";

    /// <summary>The size of an RSA key generated on the token (default 3072).</summary>
    public int KeyBits { get; set; } = 3072;

    /// <summary>
    /// The entities the federation operates (the hub), whose SAML signing certificates the lifetime guard watches
    /// beside every entity that has a rollover state.
    /// </summary>
    public List<string> OperatedEntities { get; set; } = [];

    /// <summary>Warn when an operated entity's SAML signing certificate expires within this duration (default P90D).</summary>
    public string CertificateWarnBefore { get; set; } = "P90D";
}
