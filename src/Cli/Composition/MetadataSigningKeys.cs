using Fedmd.Cli.Configuration;
using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Publisher.Fingerprints;

namespace Fedmd.Cli.Composition;

/// <summary>
/// Which keys sign the metadata now. Before the first rollover, <c>Signing:KeyUri</c> and <c>Signing:CertificateFile</c>;
/// once a rollover exists, its state file (<c>&lt;Registry:EntitiesDirectory&gt;/rollover/metadata-signing-key.json</c>)
/// names the current key, the announced next key and the previous key, so that a switch needs no hand-edited
/// configuration (the configuration names the key the first rollover started from).
/// </summary>
/// <param name="Current">The key signing the default feed names.</param>
/// <param name="CurrentSource">Where <see cref="Current"/> is configured, for error messages.</param>
/// <param name="Next">
/// The key signing the versioned names (<c>NAME-next.xml</c>): the announced next key, or after the switch the new
/// (now current) key, so a participant who moved to the versioned names keeps verifying until finish; null otherwise.
/// </param>
/// <param name="State">The rollover state, or null when none was ever announced.</param>
/// <param name="Store">The rollover state file.</param>
internal sealed record MetadataSigningKeys(MetadataSigningKey Current, string CurrentSource, MetadataSigningKey? Next, MetadataRolloverState? State, MetadataRolloverStore Store)
{
    /// <summary>The fingerprint page's announcement of the next key, or null.</summary>
    public KeyRollover? Rollover =>
        State is { Phase: MetadataRolloverPhase.Announced, Next: { } next } state ? new KeyRollover(SigningCertificateInfo.From(next.Certificate), state.SwitchAt) : null;

    /// <summary>The fingerprint page's previous key, after a switch until finish, or null.</summary>
    public PreviousSigningKey? Previous =>
        State is { Phase: MetadataRolloverPhase.Switched, Previous: { } previous, SwitchedAt: { } switchedAt }
            ? new PreviousSigningKey(SigningCertificateInfo.From(previous.Certificate), switchedAt)
            : null;

    /// <summary>The rollover store of the configured registry.</summary>
    public static MetadataRolloverStore StoreOf(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return MetadataRolloverStore.ForRegistry(options.Registry.EntitiesDirectory);
    }

    /// <summary>The key <c>Signing:KeyUri</c> and <c>Signing:CertificateFile</c> name.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">The certificate file is missing or unreadable (exit 2).</exception>
    public static MetadataSigningKey Configured(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MetadataSigningKey(options.Signing.KeyUri, CertificateFiles.LoadPem(options.Signing.CertificateFile, "Signing:CertificateFile"));
    }

    private static MetadataSigningKey? VersionedNamesKey(MetadataRolloverState state) => state.Phase switch
    {
        MetadataRolloverPhase.Announced => state.Next,
        MetadataRolloverPhase.Switched => state.Current,
        _ => null,
    };

    /// <summary>Reads the configuration and the rollover state.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">A certificate or the state file is unreadable (exit 2).</exception>
    public static MetadataSigningKeys Resolve(FedmdOptions options)
    {
        var store = StoreOf(options);
        var state = store.Read();
        return state is null
            ? new MetadataSigningKeys(Configured(options), options.Signing.CertificateFile, null, null, store)
            : new MetadataSigningKeys(state.Current, $"{store.Path} (current)", VersionedNamesKey(state), state, store);
    }
}
