using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Cli.Configuration;
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
    private readonly Pkcs11Module _module;
    private readonly Pkcs11Key _token;

    private SigningComponents(Pkcs11Module module, Pkcs11Key token, AsymmetricAlgorithm signingKey, X509Certificate2 certificate, IMetadataSigner signer, StrictVerifier verifier)
    {
        _module = module;
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

    /// <summary>Opens the token and checks key, certificate and credentials before anything is signed.</summary>
    /// <param name="options">The configuration.</param>
    /// <param name="typed">The configuration's parsed values.</param>
    /// <param name="state">Where the PIN latch and the audit log live.</param>
    /// <param name="clock">The process's one clock: the latch, the audit log and the lifetime guard read it.</param>
    /// <param name="log">Receives reconnect and certificate-expiry warnings; none when omitted.</param>
    /// <exception cref="FedmdException">Configuration or HSM failure, with a line that says what to fix.</exception>
    public static SigningComponents Open(FedmdOptions options, TypedConfiguration typed, FileStateStore state, TimeProvider clock, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(state);
        log ??= Serilog.Core.Logger.None;
        var signing = options.Signing;
        var uri = Pkcs11KeyUri.Parse(signing.KeyUri);
        var certificate = CertificateFiles.LoadPem(signing.CertificateFile, "Signing:CertificateFile");
        var pinSource = PinSourceOf(signing);
        RequireCredentialRules(uri, pinSource);

        var module = Pkcs11Module.Load(uri.ModulePath);
        var token = new Pkcs11Key(module, uri, pinSource);
        var recovery = new RecoveryPolicy(signing.RecoveryRetries, new ExponentialBackoff(typed.RecoveryFirstDelay, typed.RecoveryLongestDelay));
        IHsmKey key = new FailureExplainingHsmKey(
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
            KeyCertificateBinding.Require(key, certificate, signing.CertificateFile);
            signingKey = TokenAlgorithm(key, method);
        }
        catch
        {
            token.Dispose();
            module.Dispose();
            throw;
        }

        var verifier = SelfCheckVerifier(typed, certificate, method, clock);
        var signer = new CertificateLifetimeGuard(
            new AuditingSigner(
                new SelfCheckingSigner(new EnvelopedMetadataSigner(signingKey, certificate, method), verifier),
                new AuditLog(state.AuditLogPath),
                new SignerIdentity(uri.ToString(), CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256).ToString(), Environment.MachineName, Environment.UserName),
                clock),
            certificate,
            typed.CertificateLifetime,
            clock,
            message => log.Warning("{CertificateLifetime}", message));
        return new SigningComponents(module, token, signingKey, certificate, signer, verifier);
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
        _module.Dispose();
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
