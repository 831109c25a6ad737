namespace Fedmd.Metadata.Values;

/// <summary>Digest used for a certificate fingerprint.</summary>
public enum FingerprintAlgorithm
{
    /// <summary>SHA-1, still shown because older participant software pins with it.</summary>
    Sha1,

    /// <summary>SHA-256, the fingerprint participants should pin.</summary>
    Sha256,
}
