using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Refuses to sign when the signing certificate is about to expire, or when the document would stay valid after the
/// certificate has expired; warns well before that. Runs before the token is touched.
/// </summary>
/// <param name="inner">The signer that does the work.</param>
/// <param name="certificate">The signing certificate.</param>
/// <param name="policy">When to warn and when to refuse.</param>
/// <param name="clock">The clock, replaceable in tests.</param>
/// <param name="warn">Receives the expiry warning, e.g. to log it.</param>
public sealed class CertificateLifetimeGuard(
    IMetadataSigner inner, X509Certificate2 certificate, CertificateLifetimePolicy policy, TimeProvider clock, Action<string> warn) : IMetadataSigner
{
    /// <inheritdoc />
    public byte[] Sign(SigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(request.FeedName, request.ValidUntil);
        return inner.Sign(request);
    }

    /// <inheritdoc />
    public SignedFile SignFile(FileSigningRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(request.FeedName, request.ValidUntil);
        return inner.SignFile(request, output);
    }

    private void Check(string feedName, DateTimeOffset? documentValidUntil)
    {
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var left = notAfter - now;
        if (left <= policy.RefuseBefore)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"the signing certificate expires {notAfter:u} ({Days(left)} days left), within the refusal window of {Days(policy.RefuseBefore)} days; nothing was signed. Roll over to a new key and certificate (Signing:CertificateFile, Signing:CertificateRefuseBefore)");
        }

        if (documentValidUntil is { } validUntil && validUntil > notAfter)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"feed {feedName} would be valid until {validUntil:u}, after the signing certificate expires {notAfter:u}; nothing was signed. Shorten Aggregate:ValidFor or roll over the certificate");
        }

        if (left <= policy.WarnBefore)
        {
            warn($"the signing certificate expires {notAfter:u} ({Days(left)} days left); plan the rollover now, signing stops {Days(policy.RefuseBefore)} days before expiry");
        }
    }

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
