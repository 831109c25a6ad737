namespace Fedmd.Cli.Configuration;

/// <summary>One WebDAV mirror (<c>Publish:Mirrors</c>): its upload URL and the TLS credentials for it.</summary>
internal sealed class PublishMirrorOptions
{
    /// <summary>A short name for logs and the run report.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The https URL of the mirror's upload directory.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The publisher's client certificate (PEM), issued by the mirror operator's client CA.</summary>
    public string ClientCertificateFile { get; set; } = string.Empty;

    /// <summary>The client certificate's private key (PEM), readable by its owner only.</summary>
    public string ClientKeyFile { get; set; } = string.Empty;

    /// <summary>The only CA (PEM) trusted to have issued the mirror's server certificate.</summary>
    public string ServerCaFile { get; set; } = string.Empty;

    /// <summary>
    /// That CA's CRL (PEM or DER), re-read at every connection: a revoked server certificate, a CRL not signed by the
    /// CA, or one past its nextUpdate stops the pushes to this mirror. Required.
    /// </summary>
    public string ServerCrlFile { get; set; } = string.Empty;

    /// <summary>How long one request may take, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
