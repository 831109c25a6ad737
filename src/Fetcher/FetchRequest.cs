using Fedmd.Verification;

namespace Fedmd.Fetcher;

/// <summary>What to fetch, where to keep it, and what it must satisfy.</summary>
/// <param name="Url">The feed's URL; https unless <see cref="AllowHttp"/>.</param>
/// <param name="OutputPath">Where the verified document is kept; replaced only by a document that verifies.</param>
/// <param name="Verification">Pinned keys and validity window for the strict verifier.</param>
public sealed record FetchRequest(Uri Url, string OutputPath, VerificationOptions Verification)
{
    /// <summary>Allow plain http (the signature still protects the content; SAFIRE's IdP guide fetches over http).</summary>
    public bool AllowHttp { get; init; }

    /// <summary>Largest document accepted, in bytes.</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Time allowed for the whole exchange.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirects followed at most.</summary>
    public int MaxRedirects { get; init; } = 3;

    /// <summary>Warn when the kept document expires sooner than this.</summary>
    public TimeSpan MinRemaining { get; init; } = TimeSpan.FromHours(12);
}
