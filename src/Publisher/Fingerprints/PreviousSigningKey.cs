namespace Fedmd.Publisher.Fingerprints;

/// <summary>
/// The key feeds were signed with before a switch, still shown (as "previous") until the rollover is finished, so a
/// participant who pinned both keys sees why the old one is still listed and when it goes.
/// </summary>
/// <param name="Certificate">The previous signing certificate.</param>
/// <param name="SwitchedAt">When the feeds' signing switched away from it.</param>
public sealed record PreviousSigningKey(SigningCertificateInfo Certificate, DateTimeOffset SwitchedAt);
