namespace Fedmd.Cli.Configuration;

/// <summary>The validation rules' settings; empty lists mean the built-in defaults.</summary>
internal sealed class ValidationOptions
{
    /// <summary>Directories of the installed schema packages and their XML catalogs (default: the Debian packages').</summary>
    public List<string>? SchemaDirectories { get; set; }

    /// <summary>Namespaces whose schemas are validated (default: md, mdui, mdattr, mdrpi, shibmd, algsupport, idpdisc, init, ds, xenc).</summary>
    public List<string>? SchemaNamespaces { get; set; }

    /// <summary>Namespaces an entity may use without a warning (default: see docs/validation.md).</summary>
    public List<string>? AllowedNamespaces { get; set; }

    /// <summary>Smallest RSA key, in bits.</summary>
    public int MinimumRsaBits { get; set; } = 2048;

    /// <summary>Smallest EC key, in bits.</summary>
    public int MinimumEcBits { get; set; } = 256;

    /// <summary>Smallest RSA public exponent.</summary>
    public long MinimumRsaExponent { get; set; } = 65537;

    /// <summary>Warn about certificates expiring within this many days.</summary>
    public int CertificateExpiryWarningDays { get; set; } = 30;

    /// <summary>Exclude entities with an expired certificate instead of warning.</summary>
    public bool ExpiredCertificateIsError { get; set; }
}
