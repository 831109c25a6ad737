using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;

namespace Fedmd.Publisher.Mirrors;

/// <summary>
/// Accepts the mirror's server certificate only when it chains to the configured CA and the CA's CRL
/// (<see cref="MirrorEndpoint.ServerCrlFile"/>) is signed by that CA, current (thisUpdate passed, nextUpdate not yet),
/// and does not revoke it. The CRL is re-read at every handshake, so a renewed list takes effect without a restart
/// and an unmaintained one stops the pushes, as the HSM guidance asks of both sides of mutual TLS.
/// </summary>
internal sealed class ServerRevocationCheck(MirrorEndpoint endpoint, X509Certificate2Collection authorities, TimeProvider clock)
{
    // A list issued moments ago by a CA whose clock runs slightly ahead is still the current list.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Reads the CRL and checks that a configured CA signed it, before anything is published.</summary>
    /// <exception cref="FedmdException">The file is missing, not a CRL, or not signed by the server CA (exit 2).</exception>
    public void RequireUsableList()
    {
        try
        {
            Load();
        }
        catch (ServerCertificateRefusedException e)
        {
            throw new FedmdException(FailureKind.Configuration, e.Message, e);
        }
    }

    /// <summary>The TLS callback: true for an accepted server certificate, otherwise throws saying why.</summary>
    /// <exception cref="ServerCertificateRefusedException">The certificate does not chain, is revoked, or the CRL is unusable.</exception>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // The handshake's own refusal would only say "rejected by the callback"; thrown, the reason reaches the operator.
        var refusal = Refusal(certificate, chain, errors);
        if (refusal is not null)
        {
            throw new ServerCertificateRefusedException(Prefix + refusal);
        }

        return refusal is null;
    }

    private string? Refusal(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors != SslPolicyErrors.None || certificate is null || chain is null || chain.ChainElements.Count == 0)
        {
            return $"the server certificate is not trusted: {Describe(errors, chain)} (it must chain to the configured CA {endpoint.ServerCaFile} and name {endpoint.BaseUrl.Host})";
        }

        var server = chain.ChainElements[0].Certificate;
        var list = Load();
        var now = clock.GetUtcNow();
        return !server.IssuerName.RawData.AsSpan().SequenceEqual(list.Issuer.RawData)
                ? $"the server certificate was issued by {server.Issuer}, but ServerCrlFile {endpoint.ServerCrlFile} is the CRL of {list.Issuer.Name}; configure the CRL of the CA that issued it"
            : list.ThisUpdate > now + ClockSkew
                ? $"ServerCrlFile {endpoint.ServerCrlFile} is not valid before {Format(list.ThisUpdate)}; check the publisher's clock"
            : list.NextUpdate is not { } next
                ? $"ServerCrlFile {endpoint.ServerCrlFile} has no nextUpdate, so it cannot be told from an abandoned list; issue it with a nextUpdate"
            : next < now
                ? $"ServerCrlFile {endpoint.ServerCrlFile} expired at its nextUpdate {Format(next)}; pushes stop until the mirror CA's current CRL is installed there"
            : list.RevocationOf(server.SerialNumberBytes.Span) is { } revokedAt
                ? $"the server certificate {server.Subject} (serial {server.SerialNumber}) was revoked at {Format(revokedAt)} according to ServerCrlFile {endpoint.ServerCrlFile}; the mirror needs a new certificate"
            : null;
    }

    private string Prefix => $"mirror {endpoint.Name}: ";

    private RevocationList Load()
    {
        RevocationList list;
        try
        {
            list = RevocationList.Parse(File.ReadAllBytes(endpoint.ServerCrlFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new ServerCertificateRefusedException($"{Prefix}ServerCrlFile {endpoint.ServerCrlFile} is unusable: {e.Message}", e);
        }

        try
        {
            foreach (var authority in authorities)
            {
                if (authority.SubjectName.RawData.AsSpan().SequenceEqual(list.Issuer.RawData) && RevocationListSignature.IsBy(list, authority))
                {
                    return list;
                }
            }
        }
        catch (FormatException e)
        {
            throw new ServerCertificateRefusedException($"{Prefix}ServerCrlFile {endpoint.ServerCrlFile} is unusable: {e.Message}", e);
        }

        throw new ServerCertificateRefusedException(
            $"{Prefix}ServerCrlFile {endpoint.ServerCrlFile} (issued by {list.Issuer.Name}) is not signed by a CA in ServerCaFile {endpoint.ServerCaFile}; install that CA's own CRL");
    }

    private static string Describe(SslPolicyErrors errors, X509Chain? chain)
    {
        var statuses = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToList() ?? [];
        var text = errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) ? "no certificate was sent"
            : errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) && !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) ? "it does not name the host"
            : "errors in the certificate chain";
        return statuses.Count > 0 ? $"{text} ({string.Join(", ", statuses)})" : text;
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
