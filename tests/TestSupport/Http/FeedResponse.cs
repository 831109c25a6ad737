namespace Fedmd.TestSupport.Http;

/// <summary>What the server answers for the feed, changed by the test between fetches.</summary>
public sealed record FeedResponse(byte[] Body, string ETag, int Status = 200, TimeSpan Delay = default, int? TruncateAfter = null);
