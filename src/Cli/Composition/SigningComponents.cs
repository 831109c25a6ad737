using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Cli.Configuration;
using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Pass.State;
using Fedmd.Signer.Audit;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Recovery;
using Fedmd.Signer.Signing;
using Fedmd.Verification;
using Serilog;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The signer as configured. The token key (loaded once for the process) recovers from session and token failures,
/// explains what it cannot recover from, and is bound to its certificate. The metadata signer is the enveloped
/// signer, verified by the self-check, recorded in the audit log, and guarded by the certificate's lifetime:
/// lifetime guard → audit → self-check → enveloped signature → token.
/// </summary>
internal sealed class SigningComponents : IDisposable
{
    private readonly Pkcs11Module? _ownedModule;
    private readonly Pkcs11Key _token;

    private SigningComponents(Pkcs11Module? ownedModule, Pkcs11Key token, AsymmetricAlgorithm signingKey, X509Certificate2 certificate, IMetadataSigner signer, StrictVerifier verifier)
    {
        _ownedModule = ownedModule;
        _token = token;
        SigningKey = signingKey;
        Certificate = certificate;
        Signer = signer;
        Verifier = verifier;
    }

    /// <summary>The token key as an <see cref="RSA"/> or <see cref="ECDsa"/> whose private operations go to the HSM.</summary>
    public AsymmetricAlgorithm SigningKey { get; }

    /// <summary>The signing certificate, published in KeyInfo and on the fingerprint page.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The signer: lifetime-guarded, audited and self-checking.</summary>
    public IMetadataSigner Signer { get; }

    /// <summary>The strict verifier pinned to <see cref="Certificate"/>.</summary>
    public StrictVerifier Verifier { get; }

    /// <summary>
    /// Opens the token with the key that signs the default feed names now (<see cref="MetadataSigningKeys"/>: the
    /// configured one, or the rollover state's current one) and checks key, certificate and credentials before anything is signed.
    /// </summary>
    /// <param name="options">The configuration.</param>
    /// <param name="typed">The configuration's parsed values.</param>
    /// <param name="state">Where the PIN latch and the audit log live.</param>
    /// <param name="clock">The process's one clock: the latch, the audit log and the lifetime guard read it.</param>
    /// <param name="log">Receives reconnect and certificate-expiry warnings; none when omitted.</param>
    /// <exception cref="FedmdException">Configuration or HSM failure, with a line that says what to fix.</exception>
    public static SigningComponents Open(FedmdOptions options, TypedConfiguration typed, FileStateStore state, TimeProvider clock, ILogger? log = null)
    {
        var keys = MetadataSigningKeys.Resolve(options);
        return OpenKey(options, typed, state, clock, log, keys.Current, keys.CurrentSource, null);
    }

    /// <summary>
    /// Opens <paramref name="key"/> (its self-check pinned to that key's certificate alone) on <paramref name="module"/>,
    /// or on a module loaded for it (and disposed with it) when null: a process loads a module once, so the current and
    /// the next key of a rollover share one.
    /// </summary>
    /// <exception cref="FedmdException">Configuration or HSM failure, with a line that says what to fix.</exception>
    public static SigningComponents OpenKey(
        FedmdOptions options, TypedConfiguration typed, FileStateStore state, TimeProvider clock, ILogger? log, MetadataSigningKey key, string certificateSource, Pkcs11Module? module)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(key);
        log ??= Serilog.Core.Logger.None;
        var signing = options.Signing;
        var uri = ParseKeyUri(key.KeyUri, certificateSource);
        var certificate = key.Certificate;
        var pinSource = PinSourceOf(signing);
        RequireCredentialRules(uri, pinSource);

        var ownedModule = module is null ? Pkcs11Module.Load(uri.ModulePath) : null;
        var token = new Pkcs11Key(module ?? ownedModule!, uri, pinSource);
        var recovery = new RecoveryPolicy(signing.RecoveryRetries, new ExponentialBackoff(typed.RecoveryFirstDelay, typed.RecoveryLongestDelay));
        IHsmKey hsmKey = new FailureExplainingHsmKey(
            new PinRefusalLatch(
                new RecoveringHsmKey(token, token, recovery, message => log.Warning("{Recovery}", message)),
                state.PinRefusalLatchPath,
                pinSource.Description,
                clock),
            pinSource.Description);
        var method = signing.Method();
        AsymmetricAlgorithm signingKey;
        try
        {
            KeyCertificateBinding.Require(hsmKey, certificate, certificateSource);
            signingKey = TokenAlgorithm(hsmKey, method);
        }
        catch
        {
            token.Dispose();
            ownedModule?.Dispose();
            throw;
        }

        var verifier = SelfCheckVerifier(typed, certificate, method, clock);
        var signer = new CertificateLifetimeGuard(
            new AuditingSigner(
                new SelfCheckingSigner(new EnvelopedMetadataSigner(signingKey, certificate, method), verifier),
                AuditComponents.Log(options, state.AuditLogPath),
                new SignerIdentity(uri.ToString(), CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256).ToString(), Environment.MachineName, Environment.UserName),
                clock),
            certificate,
            typed.CertificateLifetime,
            clock,
            message => log.Warning("{CertificateLifetime}", message));
        return new SigningComponents(ownedModule, token, signingKey, certificate, signer, verifier);
    }

    /// <summary>Where the PIN comes from: the PIN file, or else the environment variable.</summary>
    public static IPinSource PinSourceOf(SigningOptions signing)
    {
        ArgumentNullException.ThrowIfNull(signing);
        return signing.PinFile is { } pinFile
            ? new FilePinSource(pinFile)
            : new EnvironmentPinSource(signing.PinEnvironmentVariable!);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SigningKey.Dispose();
        _token.Dispose();
        _ownedModule?.Dispose();
    }

    private static Pkcs11KeyUri ParseKeyUri(string text, string source)
    {
        try
        {
            return Pkcs11KeyUri.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FedmdException(FailureKind.Configuration, $"the key URI of {source}: {e.Message}", e);
        }
    }

    private static AsymmetricAlgorithm TokenAlgorithm(IHsmKey key, SignatureMethod method)
    {
        try
        {
            return method.KeyFamily == KeyFamily.Ec ? new HsmEcdsa(key, method) : new HsmRsa(key, method);
        }
        catch (CryptographicException e)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"Signing:SignatureMethod {method.Name} does not fit the token key ({e.Message}); use rsa-* for an RSA key and ecdsa-* for an EC key", e);
        }
    }

    private static StrictVerifier SelfCheckVerifier(TypedConfiguration typed, X509Certificate2 certificate, SignatureMethod method, TimeProvider clock) =>
        new(new VerificationOptions
        {
            PinnedCertificates = [certificate],
            AllowedSignatureMethods = new HashSet<SignatureMethod> { method },
            MaxValidity = typed.SelfCheckMaxValidity,
            // It reads back what this signer just wrote, whose size only the registry bounds (100,000 entities make
            // about 500 MB); the default cap is for documents from elsewhere.
            MaxBytes = long.MaxValue,
            Clock = clock,
        });

    private static void RequireCredentialRules(Pkcs11KeyUri uri, IPinSource pinSource)
    {
        using var pin = pinSource.Read();
        var failure = new TokenCredentialsValidator()
            .Validate(new TokenCredentials(uri.TokenLabel, uri.ObjectLabel, pin)).Errors.FirstOrDefault();
        if (failure is not null)
        {
            throw new FedmdException(FailureKind.Configuration, $"credential rules: {failure.ErrorMessage} ({pinSource.Description}, Signing:KeyUri)");
        }
    }
}
