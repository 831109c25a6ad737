using Fedmd.Publisher.Targets;

namespace Fedmd.Publisher.Publication;

/// <summary>What a publication did: the files now served from the web root, and each target's outcome.</summary>
/// <param name="WrittenPaths">The web root's files written, in order.</param>
/// <param name="Targets">One outcome per target, the web root first.</param>
public sealed record PublicationRun(IReadOnlyList<string> WrittenPaths, IReadOnlyList<TargetOutcome> Targets);
