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
        Record(request.FeedName, SHA256.HashData(signed), request.EntityCount, request.ValidUntil);
        return signed;
    }

    /// <inheritdoc />
    public SignedFile SignFile(FileSigningRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        // What was written is hashed by reading it back, so the signed document is never held; the entity count is
        // the one the signer counted in what it signed.
        var (signed, digest) = WrittenSignature.SignThenRead(inner, request, output, SHA256.HashData);
        Record(request.FeedName, digest, signed.EntityCount, request.ValidUntil);
        return signed;
    }

    private void Record(string feedName, byte[] digest, int entityCount, DateTimeOffset? validUntil)
    {
        var hex = Convert.ToHexStringLower(digest);
        log.Append((sequence, previous) => new AuditEntry(
            sequence, clock.GetUtcNow(), feedName, hex, signerIdentity.KeyUri, signerIdentity.CertificateSha256,
            entityCount, validUntil, signerIdentity.Host, signerIdentity.User, previous));
    }
}
