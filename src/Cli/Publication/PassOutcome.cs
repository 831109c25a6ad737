using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Values;
using Fedmd.Publisher.Targets;

namespace Fedmd.Cli.Publication;

/// <summary>What one pass did: which entities went in, which were excluded and why, and what was written.</summary>
/// <param name="Accepted">Entities published.</param>
/// <param name="Rejected">Entities excluded, each with its findings.</param>
/// <param name="Warned">Published entities that carry warnings.</param>
/// <param name="SigningCertificate">SHA-256 fingerprint of the signing certificate.</param>
/// <param name="WrittenPaths">Files written, in order.</param>
/// <param name="ValidUntil">The published aggregate's validUntil.</param>
/// <param name="Targets">Each publication target's outcome (web root, mirrors).</param>
public sealed record PassOutcome(
    IReadOnlyList<EntityItem> Accepted,
    IReadOnlyList<EntityItem> Rejected,
    IReadOnlyList<EntityItem> Warned,
    CertificateFingerprint SigningCertificate,
    IReadOnlyList<string> WrittenPaths,
    DateTimeOffset ValidUntil,
    IReadOnlyList<TargetOutcome> Targets);
