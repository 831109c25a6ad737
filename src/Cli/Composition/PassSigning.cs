using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Fedmd.Signer.Pkcs11;
using Fedmd.Verification;
using Serilog;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The pass's signers as the configuration and the rollover state name them: the current key for the default names
/// and, while a rollover is announced, the next key for the versioned names, both on one loaded module, each with a
/// self-check pinned to its own certificate alone. Mirrors re-check what they serve against every key a feed of this
/// publication may carry.
/// </summary>
internal sealed class PassSigning : IDisposable
{
    private readonly Pkcs11Module _module;
    private readonly SigningComponents _current;
    private readonly SigningComponents? _next;

    private PassSigning(Pkcs11Module module, SigningComponents current, SigningComponents? next, MetadataSigningKeys keys, StrictVerifier mirrorVerifier)
    {
        _module = module;
        _current = current;
        _next = next;
        Keys = keys;
        Signer = new MetadataFeedSigner(current.Signer, current.Certificate);
        NextKeySigner = next is not null ? new MetadataFeedSigner(next.Signer, next.Certificate)
            : keys.Next is not null ? Signer
            : null;
        MirrorVerifier = mirrorVerifier;
    }

    /// <summary>The keys in use and the rollover state they come from.</summary>
    public MetadataSigningKeys Keys { get; }

    /// <summary>Signs the default feed names.</summary>
    public IFeedSigner Signer { get; }

    /// <summary>Signs the versioned names (the announced next key, or the current one after the switch), or null outside a rollover.</summary>
    public IFeedSigner? NextKeySigner { get; }

    /// <summary>Pinned to the current key and, during an announcement, the next one.</summary>
    public StrictVerifier MirrorVerifier { get; }

    /// <summary>Opens the token's keys for a pass.</summary>
    /// <exception cref="FedmdException">A key, certificate or the state file is unusable (exit 2), or the token fails (exit 3).</exception>
    public static PassSigning Open(FedmdOptions options, TypedConfiguration typed, FileStateStore state, TimeProvider clock, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var keys = MetadataSigningKeys.Resolve(options);
        var modulePath = Pkcs11KeyUri.Parse(keys.Current.KeyUri).ModulePath;
        if (keys.Next is { } announced && Pkcs11KeyUri.Parse(announced.KeyUri).ModulePath != modulePath)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"the next key ({announced.KeyUri}) uses another PKCS#11 module than the current one ({modulePath}); load the next key on the same HSM");
        }

        var module = Pkcs11Module.Load(modulePath);
        SigningComponents? current = null;
        try
        {
            current = SigningComponents.OpenKey(options, typed, state, clock, log, keys.Current, keys.CurrentSource, module);
            // After the switch the versioned names are signed by the current key itself: no second key to open.
            var next = keys.Next is { } nextKey && !nextKey.SameKeyAs(keys.Current)
                ? SigningComponents.OpenKey(options, typed, state, clock, log, nextKey, $"{keys.Store.Path} (next)", module)
                : null;
            var mirrorVerifier = new StrictVerifier(new VerificationOptions
            {
                PinnedCertificates = next is null ? [current.Certificate] : [current.Certificate, next.Certificate],
                AllowedSignatureMethods = new HashSet<SignatureMethod> { options.Signing.Method() },
                MaxValidity = typed.SelfCheckMaxValidity,
                Clock = clock,
            });
            return new PassSigning(module, current, next, keys, mirrorVerifier);
        }
        catch
        {
            current?.Dispose();
            module.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _next?.Dispose();
        _current.Dispose();
        _module.Dispose();
    }
}
