using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Values;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;

namespace Fedmd.Pass;

/// <summary>What one pass did: which entities went in, which were excluded and why, and what was written.</summary>
/// <param name="Accepted">Entities published.</param>
/// <param name="Rejected">Entities excluded, each with its findings.</param>
/// <param name="Warned">Published entities that carry warnings.</param>
/// <param name="SigningCertificate">SHA-256 fingerprint of the signing certificate.</param>
/// <param name="WrittenPaths">Files written, in order.</param>
/// <param name="Feeds">Every feed signed and published by this pass, with its entity count and validUntil, in configuration order.</param>
/// <param name="Targets">Each publication target's outcome (web root, mirrors).</param>
/// <param name="PassedAt">The pass's moment, as its clock gave it.</param>
public sealed record PassOutcome(
    IReadOnlyList<EntityItem> Accepted,
    IReadOnlyList<EntityItem> Rejected,
    IReadOnlyList<EntityItem> Warned,
    CertificateFingerprint SigningCertificate,
    IReadOnlyList<string> WrittenPaths,
    IReadOnlyList<SignedFeed> Feeds,
    IReadOnlyList<TargetOutcome> Targets,
    DateTimeOffset PassedAt)
{
    /// <summary>
    /// The feeds a guard rail refused, as reported: why, and when the publication still served was made (or why none
    /// is). A pass with refusals published the other feeds and exits 1.
    /// </summary>
    public IReadOnlyList<FeedReport> Refused { get; init; } = [];
}
