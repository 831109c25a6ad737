namespace Fedmd.Publisher.Fingerprints;

/// <summary>An announced change of the metadata signing key: the next certificate and when signing switches to it.</summary>
/// <param name="Next">The next signing certificate.</param>
/// <param name="SwitchAt">From when feeds are signed with the next key.</param>
public sealed record KeyRollover(SigningCertificateInfo Next, DateTimeOffset SwitchAt);
