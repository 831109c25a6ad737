using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The seam for generating the next metadata signing key on the token: until the key-generation branch is merged it
/// refuses and says how to proceed with a key generated offline. Interim: the lead wires <c>Pkcs11KeyPairGenerator</c>.
/// </summary>
internal sealed class InterimMetadataKeyGenerator : IMetadataKeyGenerator
{
    /// <inheritdoc />
    public MetadataSigningKey Generate(MetadataSigningKey current) =>
        throw new FedmdException(FailureKind.Configuration,
            "this build cannot generate the next key on the token yet: generate it on the master token, load it on this token, "
            + "and name its certificate with --certificate PEM (or run `fedmd rollover metadata announce --certificate PEM` first)");
}
