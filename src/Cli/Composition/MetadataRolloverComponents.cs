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
        return new MetadataRolloverSteps(
            MetadataSigningKeys.StoreOf(options),
            new InterimApprovalGate(options),
            new InterimKeyEventLog(Path.Combine(options.StateDirectory, InterimKeyEventLog.FileName), clock),
            clock);
    }

    /// <summary>Where <c>generate the next key on the token</c> goes: the seam the key-generation branch fills.</summary>
    public static IMetadataKeyGenerator KeyGenerator() => new InterimMetadataKeyGenerator();
}
