using Fedmd.Publisher.Fingerprints;

namespace Fedmd.Pass;

/// <summary>
/// Signs an assembled feed. The host implements it over the HSM signer (self-checked, audited, lifetime-guarded), so
/// the pass knows nothing of tokens, PINs or PKCS#11.
/// </summary>
public interface IFeedSigner
{
    /// <summary>The certificate that verifies what <see cref="Sign"/> writes, for the fingerprint page.</summary>
    SigningCertificateInfo Certificate { get; }

    /// <summary>
    /// Signs the feed's document, read from its file, and writes the signed document to <paramref name="output"/>
    /// byte for byte as it is served. The output can seek and read, so that the signer reads back what it wrote
    /// instead of holding it.
    /// </summary>
    void Sign(AssembledFeed feed, Stream output);
}
