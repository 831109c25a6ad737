using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass;

/// <summary>
/// Every feed signed by the announced next key, at its versioned name (<see cref="NextKeyFeedName"/>), published
/// beside the feeds signed by the current key while a rollover is announced.
/// </summary>
/// <param name="Feeds">The versioned feeds, in configuration order.</param>
/// <param name="Certificate">The next key's certificate, which verifies them.</param>
public sealed record NextKeyFeeds(IReadOnlyList<SignedFeed> Feeds, SigningCertificateInfo Certificate);
