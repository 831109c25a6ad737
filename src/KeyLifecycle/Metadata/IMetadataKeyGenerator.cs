namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>
/// Generates the next metadata signing key on the token with its self-signed certificate, for an announcement (or a
/// compromise) without <c>--certificate</c>.
/// </summary>
public interface IMetadataKeyGenerator
{
    /// <summary>Generates a key on the token that <paramref name="current"/> lives on and returns it with its certificate.</summary>
    /// <exception cref="Fedmd.Metadata.Failures.FedmdException">The token refuses, or generation is not available.</exception>
    MetadataSigningKey Generate(MetadataSigningKey current);
}
