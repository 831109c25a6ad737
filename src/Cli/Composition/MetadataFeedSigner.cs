using System.Security.Cryptography.X509Certificates;
using Fedmd.Pass;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Signer.Signing;

namespace Fedmd.Cli.Composition;

/// <summary>The pass's <see cref="IFeedSigner"/> over a metadata signer (the configured HSM stack); composition only.</summary>
internal sealed class MetadataFeedSigner(IMetadataSigner signer, X509Certificate2 certificate) : IFeedSigner
{
    /// <inheritdoc />
    public SigningCertificateInfo Certificate { get; } = SigningCertificateInfo.From(certificate);

    /// <inheritdoc />
    public void Sign(AssembledFeed feed, Stream output)
    {
        ArgumentNullException.ThrowIfNull(feed);
        signer.SignFile(new FileSigningRequest(feed.Name, feed.UnsignedPath, feed.Plan.Header.ValidUntil), output);
    }
}
