using Fedmd.Metadata.Failures;
using Fedmd.Verification;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Verifies every signed document with the strict verifier and the configured certificate before anyone else sees
/// it; a document that fails is never returned, so it cannot be published. Signing into a file, the check reads the
/// file behind the signer on another thread (the signature, written last, is read last); whatever that cannot
/// accept is verified again in order once the file is final, so the outcome is always the in-order verifier's.
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
        if (output is FileStream { CanRead: true, CanSeek: true } file)
        {
            return SignWhileChecking(request, file);
        }

        // The self-check reads back exactly what was written; a caller publishes the output only when this returns.
        var (signed, result) = WrittenSignature.SignThenRead(inner, request, output, written => verifier.Verify(written, signedContent: null));
        Require(result, request.FeedName);
        return signed;
    }

    // The two passes over the document (the signer's and the check's) run at once. The concurrent result counts only
    // when it accepts and every byte it read is still in the file: the signer rewrote nothing but the signature's
    // place, which the check reads last.
    private SignedFile SignWhileChecking(FileSigningRequest request, FileStream file)
    {
        var origin = file.Position;
        var progress = new WriteProgress();
        var handle = file.SafeFileHandle;
        (long Offset, int Length)? signatureAt = null;
        var check = Task.Run(() => verifier.VerifyWithSignatureLast(new FollowingReadStream(handle, origin, progress), (offset, length) =>
        {
            signatureAt = (offset, length);
            var bytes = new byte[length];
            RandomAccess.Read(handle, bytes, origin + offset);
            return bytes;
        }));

        SignedFile signed;
        try
        {
            signed = inner.SignFile(request, new ProgressReportingStream(file, progress));
        }
        catch
        {
            // The check stops at its next read; only that it no longer reads the file matters, not how it ended, so
            // the signer's failure is the one reported.
            progress.Abandon();
            ((IAsyncResult)check).AsyncWaitHandle.WaitOne();
            throw;
        }

        file.Flush();
        var end = file.Position;
        progress.Complete(end - origin);
        var concurrent = Settle(check);
        var result = concurrent is { IsValid: true } && signatureAt is { } at && progress.RewroteOnlyWithin(at.Offset, at.Length)
            ? concurrent
            : InOrder(file, origin, end);
        file.Position = end;
        Require(result, request.FeedName);
        return signed;
    }

    // The concurrent check's result, or null when a read of the file failed.
    private static VerificationResult? Settle(Task<VerificationResult> check)
    {
        try
        {
            return check.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return null;
        }
    }

    private VerificationResult InOrder(FileStream file, long origin, long end)
    {
        file.Position = origin;
        return verifier.Verify(new BoundedReadStream(file, end - origin), signedContent: null);
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
