using System.Globalization;
using System.Net;
using System.Security.Authentication;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Verification;

namespace Fedmd.Fetcher;

/// <summary>
/// Fetches a signed metadata feed the way a careful participant should: conditional GET, bounded size, time and
/// redirects, https unless allowed otherwise, strict verification against pinned keys on every fetch, and an atomic
/// replacement of the kept file only when the new document verifies. On any failure the kept file stays untouched.
/// </summary>
public sealed class MetadataFetcher(TimeProvider clock)
{
    /// <summary>Fetches <paramref name="request"/>'s feed.</summary>
    /// <exception cref="FedmdException">The request itself is unusable (plain http without permission): exit 2.</exception>
    public async Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsAllowedScheme(request.Url, request.AllowHttp))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"--url {request.Url} is not https; pass --allow-http to fetch over plain http (the signature still protects the content)");
        }

        var verifier = new StrictVerifier(request.Verification with { Clock = clock });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        try
        {
            return await FetchVerifiedAsync(request, verifier, timeout.Token).ConfigureAwait(false);
        }
        catch (FetchFailure failure)
        {
            return Kept(request, verifier, failure.Status, failure.Bytes, failure.Message, failure.Kind);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Kept(request, verifier, null, 0, $"no complete answer from {request.Url} within {request.Timeout.TotalSeconds:0} s", FailureKind.Infrastructure);
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException or System.Net.Sockets.SocketException or AuthenticationException)
        {
            return Kept(request, verifier, null, 0, $"fetching {request.Url} failed: {e.Message}", FailureKind.Infrastructure);
        }
    }

    private async Task<FetchOutcome> FetchVerifiedAsync(FetchRequest request, StrictVerifier verifier, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = request.Timeout,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var validators = CacheValidators.Read(request.OutputPath, request.Url);
        using var response = await SendAsync(client, request, validators, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;

        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            if (validators is null)
            {
                throw new FetchFailure(status, 0, "the server answered 304 Not Modified to an unconditional request", FailureKind.Infrastructure);
            }

            // Re-verify what is kept: it may have expired while the server kept serving it.
            var keptBytes = await File.ReadAllBytesAsync(request.OutputPath, cancellationToken).ConfigureAwait(false);
            var kept = Verified(verifier, keptBytes);
            return kept.IsValid
                ? new FetchOutcome(request.Url, status, FetchAction.NotModified, true, kept.ValidUntil, kept.Signer, 0, null, null, RemainingWarning(request, kept.ValidUntil), keptBytes)
                : throw new FetchFailure(status, 0, $"not modified, but the kept {request.OutputPath} no longer verifies: {kept.Failure}", FailureKind.InvalidDocument);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new FetchFailure(status, 0, $"{request.Url} answered HTTP {status} {response.ReasonPhrase}", FailureKind.Infrastructure);
        }

        var body = await ReadCappedAsync(response, request.MaxBytes, cancellationToken).ConfigureAwait(false);
        var result = Verified(verifier, body);
        if (!result.IsValid)
        {
            throw new FetchFailure(status, body.Length, $"the document from {request.Url} was rejected: {result.Failure}", FailureKind.InvalidDocument);
        }

        AtomicFileWriter.Write(request.OutputPath, body);
        new CacheValidators(request.Url.ToString(), response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture)).Write(request.OutputPath);
        return new FetchOutcome(request.Url, status, FetchAction.Updated, true, result.ValidUntil, result.Signer, body.Length, null, null,
            RemainingWarning(request, result.ValidUntil), body);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, FetchRequest request, CacheValidators? validators, CancellationToken cancellationToken)
    {
        var url = request.Url;
        for (var redirects = 0; ; redirects++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Accept.ParseAdd("application/samlmetadata+xml, application/xml;q=0.9, */*;q=0.1");
            if (validators?.ETag is { } etag)
            {
                message.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (validators?.LastModified is { } lastModified)
            {
                message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null)
            {
                return response;
            }

            var status = (int)response.StatusCode;
            var next = new Uri(url, response.Headers.Location);
            response.Dispose();
            if (redirects + 1 > request.MaxRedirects)
            {
                throw new FetchFailure(status, 0, $"more than {request.MaxRedirects} redirects from {request.Url}", FailureKind.Infrastructure);
            }

            if (!IsAllowedScheme(next, request.AllowHttp))
            {
                throw new FetchFailure(status, 0, $"{url} redirects to {next}, which is not https", FailureKind.Infrastructure);
            }

            url = next;
        }
    }

    // What was signed is not needed here (the caller splits the verified document itself), so the verifier is given
    // no stream for it: an eduGAIN-sized document is not copied twice more into memory.
    private static VerificationResult Verified(StrictVerifier verifier, byte[] document) =>
        verifier.Verify(new MemoryStream(document, writable: false), signedContent: null);

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new FetchFailure(status, 0, $"the document is {response.Content.Headers.ContentLength} bytes, over the limit of {maxBytes}", FailureKind.InvalidDocument);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // Sized from Content-Length when the server sends one, so that the body is neither regrown nor copied.
        using var buffer = response.Content.Headers.ContentLength is { } length && length <= int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchFailure(status, buffer.Length + read, $"the document exceeds the limit of {maxBytes} bytes", FailureKind.InvalidDocument);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private FetchOutcome Kept(FetchRequest request, StrictVerifier verifier, int? status, long bytes, string failure, FailureKind kind)
    {
        DateTimeOffset? validUntil = null;
        string? warning = null;
        byte[]? usable = null;
        if (File.Exists(request.OutputPath))
        {
            var keptBytes = File.ReadAllBytes(request.OutputPath);
            var kept = Verified(verifier, keptBytes);
            validUntil = kept.ValidUntil ?? ReadValidUntil(request.OutputPath, request.MaxBytes);
            usable = kept.IsValid ? keptBytes : null;
            warning = kept.IsValid
                ? RemainingWarning(request, validUntil)
                : $"the kept {request.OutputPath} no longer verifies either ({kept.Failure}); consumers must not use it";
        }
        else
        {
            warning = $"no previous {request.OutputPath} to fall back on";
        }

        return new FetchOutcome(request.Url, status, FetchAction.KeptPrevious, false, validUntil, null, bytes, failure, kind, warning, usable);
    }

    private string? RemainingWarning(FetchRequest request, DateTimeOffset? validUntil)
    {
        if (validUntil is null)
        {
            return null;
        }

        var remaining = validUntil.Value - clock.GetUtcNow();
        return remaining < request.MinRemaining
            ? $"the kept {request.OutputPath} expires at {validUntil:u}, in {remaining.TotalHours:0.#} hours (less than {request.MinRemaining.TotalHours:0.#})"
            : null;
    }

    private static DateTimeOffset? ReadValidUntil(string path, long maxBytes)
    {
        try
        {
            return XsDateTime.ParseOrNull(new SafeXmlLoader(maxBytes).LoadFile(path).DocumentElement?.GetAttribute("validUntil"));
        }
        catch (UnsafeXmlException)
        {
            return null;
        }
    }

    private static bool IsAllowedScheme(Uri url, bool allowHttp) =>
        url.Scheme == Uri.UriSchemeHttps || (allowHttp && url.Scheme == Uri.UriSchemeHttp);

    /// <summary>A failure that keeps the previous file, with what the response showed of it.</summary>
    private sealed class FetchFailure(int? status, long bytes, string message, FailureKind kind) : Exception(message)
    {
        public int? Status { get; } = status;

        public long Bytes { get; } = bytes;

        public FailureKind Kind { get; } = kind;
    }
}
