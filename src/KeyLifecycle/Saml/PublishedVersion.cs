namespace Fedmd.KeyLifecycle.Saml;

/// <summary>One recorded publication as it concerns one entity.</summary>
/// <param name="PublishedAt">The feeds' <c>mdrpi:PublicationInfo/@creationInstant</c>: when the pass made them.</param>
/// <param name="Directory">The history version's directory.</param>
/// <param name="Carrying">The feeds of this publication that carry the entity (empty when none does).</param>
public sealed record PublishedVersion(DateTimeOffset PublishedAt, string Directory, IReadOnlyList<PublishedEntity> Carrying);
