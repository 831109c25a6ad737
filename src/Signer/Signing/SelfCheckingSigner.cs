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
        var result = verifier.Verify(new MemoryStream(signed, writable: false), signedContent: null);
        if (!result.IsValid)
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"self-check failed for feed {request.FeedName}: {result.Failure}; nothing was published");
        }

        return signed;
    }
}
