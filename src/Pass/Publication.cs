using Fedmd.Publisher.Publication;

namespace Fedmd.Pass;

/// <summary>The signed feeds and what publishing them did.</summary>
/// <param name="Feeds">What was published.</param>
/// <param name="Run">The web root's files written and each target's outcome.</param>
public sealed record Publication(SignedFeeds Feeds, PublicationRun Run);
