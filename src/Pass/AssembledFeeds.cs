using Fedmd.Aggregator.Runs;

namespace Fedmd.Pass;

/// <summary>Every planned feed written as an unsigned document.</summary>
/// <param name="Aggregation">The verdicts, plans and report the feeds came from.</param>
/// <param name="Feeds">One assembled feed per plan, in configuration order.</param>
public sealed record AssembledFeeds(AggregationOutcome Aggregation, IReadOnlyList<AssembledFeed> Feeds);
