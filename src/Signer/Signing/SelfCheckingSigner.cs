using Fedmd.Metadata.Failures;
using Fedmd.Verification;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Verifies every signed document with the strict verifier and the configured certificate before anyone else sees
/// it; a document that fails is never returned, so it cannot be published.
/// </summary>
public sealed class SelfCheckingSigner(IMetadataSigner inner, StrictVerifier verifier) : IMetadataSigner
{
    /// <inheritdoc />
    public byte[] Sign(SigningRequest request)
    {
        var signed = inner.Sign(request);
        // Streamed from the signed bytes; what was signed is not needed here, so it is not kept.
        Require(verifier.Verify(new MemoryStream(signed, writable: false), signedContent: null), request.FeedName);

        return signed;
    }

    /// <inheritdoc />
    public SignedFile SignFile(FileSigningRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The self-check reads back exactly what was written; a caller publishes the output only when this returns.
        var (signed, result) = WrittenSignature.SignThenRead(inner, request, output, written => verifier.Verify(written, signedContent: null));
        Require(result, request.FeedName);
        return signed;
    }

    private static void Require(VerificationResult result, string feedName)
    {
        if (!result.IsValid)
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"self-check failed for feed {feedName}: {result.Failure}; nothing was published");
        }
    }
}
