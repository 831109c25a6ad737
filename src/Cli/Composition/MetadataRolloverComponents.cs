using Fedmd.Cli.Configuration;
using Fedmd.KeyLifecycle.Metadata;

namespace Fedmd.Cli.Composition;

/// <summary>The metadata rollover's steps as configured: the registry's state file, the approval gate and the key-event log.</summary>
internal static class MetadataRolloverComponents
{
    /// <summary>The steps over the configured registry, reading <paramref name="clock"/>.</summary>
    public static MetadataRolloverSteps Steps(FedmdOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = KeyLifecycleComponents.Events(options, clock);
        // The gate is built only when a step needs it, so announce and status run before allowed_signers exists.
        return new MetadataRolloverSteps(
            MetadataSigningKeys.StoreOf(options),
            new DeferredApprovalGate(() => KeyLifecycleComponents.Gate(options, events, clock)),
            events,
            clock);
    }

    /// <summary>Generates the next key on the current key's token, reached with the signing PIN.</summary>
    public static IMetadataKeyGenerator KeyGenerator(FedmdOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TokenMetadataKeyGenerator(
            SigningComponents.PinSourceOf(options.Signing),
            options.Rollover.KeyBits,
            $"{options.Federation.Name} metadata signer",
            KeyLifecycleComponents.Timings(options).CertificateLifetime,
            clock);
    }
}
