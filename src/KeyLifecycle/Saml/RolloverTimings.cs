namespace Fedmd.KeyLifecycle.Saml;

/// <summary>The rollover's waits and lifetimes (<c>Rollover:*</c>), parsed once.</summary>
/// <param name="MinimumOverlap">The shortest publication of the new certificate before activation (PT48H).</param>
/// <param name="RetireAfter">The wait from activation to removing the old certificate (PT48H).</param>
/// <param name="CertificateLifetime">The new certificate's validity (P3650D).</param>
public sealed record RolloverTimings(TimeSpan MinimumOverlap, TimeSpan RetireAfter, TimeSpan CertificateLifetime);
