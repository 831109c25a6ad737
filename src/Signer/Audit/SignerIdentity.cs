namespace Fedmd.Signer.Audit;

/// <summary>Who and what signs, for the audit log.</summary>
/// <param name="KeyUri">The key's PKCS#11 URI, which never carries a PIN.</param>
/// <param name="CertificateSha256">SHA-256 fingerprint of the signing certificate.</param>
/// <param name="Host">The machine's name.</param>
/// <param name="User">The operating-system user.</param>
public sealed record SignerIdentity(string KeyUri, string CertificateSha256, string Host, string User);
