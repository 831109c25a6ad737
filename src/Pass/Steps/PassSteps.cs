using Fedmd.Aggregator.Runs;

namespace Fedmd.Pass.Steps;

/// <summary>The pass's steps in the order they run; the host composes them once per process.</summary>
/// <param name="Collect">Registry files and sources.</param>
/// <param name="Judge">The entity pipelines.</param>
/// <param name="PlanFeeds">Selection and guard rails.</param>
/// <param name="Assemble">The unsigned documents.</param>
/// <param name="Sign">The signatures.</param>
/// <param name="Register">The ledger, before anything is published.</param>
/// <param name="Publish">The web root and the mirrors.</param>
/// <param name="Record">The baseline and the last pass.</param>
public sealed record PassSteps(
    IPassStep<string, Collected> Collect,
    IPassStep<Collected, Judged> Judge,
    IPassStep<Judged, AggregationOutcome> PlanFeeds,
    IPassStep<AggregationOutcome, AssembledFeeds> Assemble,
    IPassStep<AssembledFeeds, SignedFeeds> Sign,
    IPassStep<SignedFeeds, SignedFeeds> Register,
    IPassStep<SignedFeeds, Publication> Publish,
    IPassStep<Publication, PassOutcome> Record);
