namespace Fedmd.KeyLifecycle.Audit;

/// <summary>One key-lifecycle step as the audit log records it. Holds no secret.</summary>
/// <param name="Operation">What was done, e.g. <c>rollover-saml-stage</c> or <c>approval</c>.</param>
/// <param name="Subject">What it was done to: an entityID or a feed or key name.</param>
/// <param name="Principals">The operators who did or approved it (from allowed_signers), when known.</param>
/// <param name="Detail">A short human-readable account: certificates by fingerprint, change ids, times.</param>
public sealed record KeyEvent(string Operation, string Subject, IReadOnlyList<string> Principals, string Detail);
