using Fedmd.Pass;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Signer.Signing;

namespace Fedmd.Cli.Composition;

/// <summary>The pass's <see cref="IFeedSigner"/> over the configured HSM signer; composition only.</summary>
public sealed class HsmFeedSigner(SigningComponents signing) : IFeedSigner
{
    /// <inheritdoc />
    public SigningCertificateInfo Certificate { get; } = SigningCertificateInfo.From(signing.Certificate);

    /// <inheritdoc />
    public byte[] Sign(AssembledFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return signing.Signer.Sign(new SigningRequest(feed.Name, feed.Document, feed.Plan.Entities.Count, feed.Plan.Header.ValidUntil));
    }
}
