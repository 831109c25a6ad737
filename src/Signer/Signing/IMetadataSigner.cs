namespace Fedmd.Signer.Signing;

/// <summary>Applies the federation's signature to a metadata document. Decorators add recovery, self-check and audit.</summary>
public interface IMetadataSigner
{
    /// <summary>Signs the request's document and returns the signed document as UTF-8 bytes, ready to publish.</summary>
    byte[] Sign(SigningRequest request);

    /// <summary>
    /// Signs the document in the request's file and writes the signed document to <paramref name="output"/> from its
    /// current position. A signer that streams reads the file as often as it needs and holds neither document in
    /// memory; one that does not (the default) reads the file whole and signs in memory.
    /// </summary>
    /// <param name="request">The document to sign.</param>
    /// <param name="output">
    /// Receives the signed document; when it can also seek and read, decorators read back what was written (the
    /// self-check verifies it, the audit hashes it) instead of holding it.
    /// </param>
    /// <returns>What the signer learned about the document while signing it.</returns>
    SignedFile SignFile(FileSigningRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var inMemory = request.InMemory();
        output.Write(Sign(inMemory));
        return new SignedFile(inMemory.EntityCount);
    }
}
