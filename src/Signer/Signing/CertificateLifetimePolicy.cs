namespace Fedmd.Signer.Signing;

/// <summary>
/// How close to its expiry the signing certificate may be used. The federation's KMPS says the certificate should
/// never be allowed to expire, because participants pin it out of band and replacing it takes weeks.
/// </summary>
/// <param name="WarnBefore">Warn on every signing this long before notAfter (default 90 days).</param>
/// <param name="RefuseBefore">Refuse to sign this long before notAfter (default 14 days).</param>
public sealed record CertificateLifetimePolicy(TimeSpan WarnBefore, TimeSpan RefuseBefore)
{
}
