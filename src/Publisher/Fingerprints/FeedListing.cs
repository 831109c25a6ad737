namespace Fedmd.Publisher.Fingerprints;

/// <summary>One published feed as the fingerprint page lists it.</summary>
/// <param name="FileName">The feed's file name in the web root.</param>
/// <param name="Url">Where participants fetch it, when a public base URL is configured.</param>
/// <param name="ValidUntil">The published document's validUntil.</param>
/// <param name="CacheDuration">The published document's cacheDuration.</param>
public sealed record FeedListing(string FileName, Uri? Url, DateTimeOffset ValidUntil, string CacheDuration);
