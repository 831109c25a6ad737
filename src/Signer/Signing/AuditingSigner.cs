using System.Security.Cryptography;
using Fedmd.Signer.Audit;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Records every signing that succeeded (after the self-check) in the audit log: time, feed, document digest, key
/// URI, certificate fingerprint, entity count, validUntil, host and user.
/// </summary>
/// <param name="inner">The signer that does the work.</param>
/// <param name="log">The audit log.</param>
/// <param name="signerIdentity">Who and what signs: key URI (no PIN), certificate fingerprint, host and user.</param>
/// <param name="clock">The clock, replaceable in tests.</param>
public sealed class AuditingSigner(IMetadataSigner inner, AuditLog log, SignerIdentity signerIdentity, TimeProvider clock) : IMetadataSigner
{
    /// <inheritdoc />
    public byte[] Sign(SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signed = inner.Sign(request);
        var digest = Convert.ToHexStringLower(SHA256.HashData(signed));
        log.Append((sequence, previous) => new AuditEntry(
            sequence, clock.GetUtcNow(), request.FeedName, digest, signerIdentity.KeyUri, signerIdentity.CertificateSha256,
            request.EntityCount, request.ValidUntil, signerIdentity.Host, signerIdentity.User, previous));
        return signed;
    }
}
