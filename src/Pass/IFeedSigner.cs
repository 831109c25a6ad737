using Fedmd.Publisher.Fingerprints;

namespace Fedmd.Pass;

/// <summary>
/// Signs an assembled feed. The host implements it over the HSM signer (self-checked, audited, lifetime-guarded), so
/// the pass knows nothing of tokens, PINs or PKCS#11.
/// </summary>
public interface IFeedSigner
{
    /// <summary>The certificate that verifies what <see cref="Sign"/> returns, for the fingerprint page.</summary>
    SigningCertificateInfo Certificate { get; }

    /// <summary>Signs the feed's document and returns the signed bytes, byte for byte as they are served.</summary>
    byte[] Sign(AssembledFeed feed);
}
