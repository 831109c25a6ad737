using Fedmd.Metadata.Values;

namespace Fedmd.Aggregator.Feeds;

/// <summary>The values every feed's root carries; SAFIRE's are validity P10D, cacheDuration PT6H.</summary>
/// <param name="ValidFor">How far validUntil lies ahead, unless an entity's own validUntil is earlier.</param>
/// <param name="CacheDuration">The root's cacheDuration.</param>
/// <param name="Publisher">The <c>mdrpi:PublicationInfo</c> publisher.</param>
public sealed record AggregateShape(TimeSpan ValidFor, XsDuration CacheDuration, string Publisher);
