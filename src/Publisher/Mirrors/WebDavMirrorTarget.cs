using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Security.Cryptography;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;
using Fedmd.Verification;

namespace Fedmd.Publisher.Mirrors;

/// <summary>
/// Pushes a publication to a WebDAV server: each file is PUT under a hidden temporary name, MOVEd over the final
/// name (so the mirror's readers, too, see the old or the new file), then fetched back and compared byte for byte;
/// a fetched feed must also pass the strict verifier. Feeds go first, the pages that describe them after. A failed
/// MOVE DELETEs its temporary file, so retries leave no litter on the mirror.
/// </summary>
public sealed class WebDavMirrorTarget(MirrorEndpoint endpoint, HttpClient client, StrictVerifier verifier) : IPublicationTarget
{
    private static readonly HttpMethod Move = new("MOVE");

    /// <inheritdoc />
    public string Name => "mirror " + endpoint.Name;

    /// <inheritdoc />
    public async Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var feeds = publication.Feeds.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in publication.ServedFiles)
        {
            await PushAsync(file, feeds.Contains(file.Name), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PushAsync(PublicationFile file, bool isFeed, CancellationToken cancellationToken)
    {
        var final = new Uri(endpoint.BaseUrl, file.Name);
        var temporary = new Uri(endpoint.BaseUrl, $".{file.Name}.{Guid.NewGuid():N}.fedmd-tmp");

        using (var put = new HttpRequestMessage(HttpMethod.Put, temporary) { Content = new StreamContent(file.Content.OpenRead()) })
        {
            put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            (await SendAsync(put, file.Name, cancellationToken).ConfigureAwait(false)).Dispose();
        }

        using (var move = new HttpRequestMessage(Move, temporary))
        {
            move.Headers.Add("Destination", final.AbsoluteUri);
            move.Headers.Add("Overwrite", "T");
            try
            {
                (await SendAsync(move, file.Name, cancellationToken).ConfigureAwait(false)).Dispose();
            }
            catch (FedmdException e)
            {
                throw await WithTemporaryRemovedAsync(e, temporary, file.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        using var get = new HttpRequestMessage(HttpMethod.Get, final);
        get.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var response = await SendAsync(get, file.Name, cancellationToken).ConfigureAwait(false);
        var served = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Verify(file, served, isFeed);
    }

    // The MOVE's failure is what the operator needs; a DELETE that fails too is added to it, since the temporary file
    // then stays on the mirror (hidden, and never served by the shipped templates).
    private async Task<FedmdException> WithTemporaryRemovedAsync(FedmdException moveFailure, Uri temporary, string fileName, CancellationToken cancellationToken)
    {
        using var delete = new HttpRequestMessage(HttpMethod.Delete, temporary);
        try
        {
            (await SendAsync(delete, fileName, cancellationToken).ConfigureAwait(false)).Dispose();
            return moveFailure;
        }
        catch (FedmdException e)
        {
            return new FedmdException(FailureKind.Infrastructure, $"{moveFailure.Message}; removing its temporary file failed too: {e.Message}", moveFailure);
        }
    }

    private void Verify(PublicationFile file, byte[] served, bool isFeed)
    {
        using var pushed = file.Content.OpenRead();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(served), SHA256.HashData(pushed)))
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"{Name}: {file.Name} fetched back differs from what was pushed (SHA-256 mismatch, {served.Length} bytes served, {file.Content.Length} pushed)");
        }

        if (isFeed && verifier.Verify(served) is { IsValid: false } result)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"{Name}: {file.Name} fetched back does not verify: {result.Failure}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string fileName, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"{Name}: {request.Method} {fileName} failed: {Describe(e)}{TlsHint(e)}", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new FedmdException(FailureKind.Infrastructure,
                $"{Name}: {request.Method} {fileName} answered {(int)status} {status}{Hint(status)}");
        }

        return response;
    }

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            messages.Add(inner.Message);
        }

        return string.Join(": ", messages.Distinct());
    }

    private string TlsHint(HttpRequestException e) => e.InnerException is AuthenticationException and not ServerCertificateRefusedException
        ? $" (the mirror's server certificate must chain to the configured CA {endpoint.ServerCaFile} and name {endpoint.BaseUrl.Host})"
        : string.Empty;

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest or HttpStatusCode.Forbidden =>
            " (the mirror refused the client certificate, or its WebDAV location does not allow PUT, MOVE and DELETE of temporary names)",
        HttpStatusCode.MethodNotAllowed => " (enable dav_methods PUT MOVE DELETE on the mirror's location)",
        HttpStatusCode.Conflict => " (the mirror's directory does not exist; set create_full_put_path on)",
        _ => string.Empty,
    };
}
