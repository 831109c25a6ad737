namespace Fedmd.Signer.Signing;

/// <summary>Applies the federation's signature to a metadata document. Decorators add recovery, self-check and audit.</summary>
public interface IMetadataSigner
{
    /// <summary>Signs the request's document and returns the signed document as UTF-8 bytes, ready to publish.</summary>
    byte[] Sign(SigningRequest request);
}
