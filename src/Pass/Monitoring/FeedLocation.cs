namespace Fedmd.Pass.Monitoring;

/// <summary>
/// Where participants get the feeds of one target: its public base URL (fetched over HTTP as a participant would), or
/// for the local web root without <c>Publish:BaseUrl</c>, its directory. A mirror without a public URL has neither.
/// </summary>
/// <param name="Target">The target's name: <c>local</c> or the mirror's name.</param>
/// <param name="BaseUrl">The public base URL, ending in a slash, or null.</param>
/// <param name="Directory">The directory the feeds are read from when there is no URL, or null.</param>
/// <param name="MissingHint">What to configure when there is neither.</param>
public sealed record FeedLocation(string Target, Uri? BaseUrl, string? Directory, string? MissingHint = null);
