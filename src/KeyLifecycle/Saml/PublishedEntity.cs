using Fedmd.Metadata.Values;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>How one published feed carried an entity.</summary>
/// <param name="FeedFile">The feed's file name.</param>
/// <param name="CacheDuration">The feed's cacheDuration, when it has one.</param>
/// <param name="Certificates">The SHA-256 fingerprints of every certificate in the entity's KeyDescriptors there.</param>
public sealed record PublishedEntity(string FeedFile, TimeSpan? CacheDuration, IReadOnlySet<CertificateFingerprint> Certificates);
