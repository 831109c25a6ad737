namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>A client that fetched a default feed during the announcement but never that feed's next-key version.</summary>
/// <param name="Address">The client's address.</param>
/// <param name="UserAgent">Its User-Agent.</param>
/// <param name="Feed">The default feed it fetched.</param>
/// <param name="LastFetch">When it last fetched that feed.</param>
/// <param name="Fetches">How often it fetched it during the announcement.</param>
public sealed record Straggler(string Address, string UserAgent, string Feed, DateTimeOffset LastFetch, int Fetches);
