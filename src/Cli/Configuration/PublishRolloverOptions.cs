namespace Fedmd.Cli.Configuration;

/// <summary>An announced signing key rollover (<c>Publish:Rollover</c>): the next certificate and the switch date.</summary>
internal sealed class PublishRolloverOptions
{
    /// <summary>The next signing certificate (PEM); unset when no rollover is announced.</summary>
    public string? NextCertificateFile { get; set; }

    /// <summary>When signing switches to the next key (ISO 8601, UTC).</summary>
    public DateTimeOffset? SwitchAt { get; set; }
}
