using System.Security.Cryptography.X509Certificates;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Signing;
using Fedmd.Signer.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The signer as configured: the token key (loaded once for the process), bound to its certificate, wrapped so that
/// failures explain themselves and every signature is verified before it leaves.
/// </summary>
public sealed class SigningComponents : IDisposable
{
    private readonly Pkcs11Module _module;
    private readonly Pkcs11Key _token;

    private SigningComponents(Pkcs11Module module, Pkcs11Key token, IHsmKey key, X509Certificate2 certificate, IMetadataSigner signer, StrictVerifier verifier)
    {
        _module = module;
        _token = token;
        Key = key;
        Certificate = certificate;
        Signer = signer;
        Verifier = verifier;
    }

    /// <summary>The token key, failures explained.</summary>
    public IHsmKey Key { get; }

    /// <summary>The signing certificate, published in KeyInfo and on the fingerprint page.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The signer, self-checking.</summary>
    public IMetadataSigner Signer { get; }

    /// <summary>The strict verifier pinned to <see cref="Certificate"/>.</summary>
    public StrictVerifier Verifier { get; }

    /// <summary>Opens the token and checks key, certificate and credentials before anything is signed.</summary>
    /// <exception cref="FedmdException">Configuration or HSM failure, with a line that says what to fix.</exception>
    public static SigningComponents Open(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var uri = Pkcs11KeyUri.Parse(options.Signing.KeyUri);
        var certificate = CertificateFiles.LoadPem(options.Signing.CertificateFile, "Signing:CertificateFile");
        IPinSource pinSource = options.Signing.PinFile is { } pinFile
            ? new FilePinSource(pinFile)
            : new EnvironmentPinSource(options.Signing.PinEnvironmentVariable!);
        RequireCredentialRules(uri, pinSource);

        var module = Pkcs11Module.Load(uri.ModulePath);
        var token = new Pkcs11Key(module, uri, pinSource);
        IHsmKey key = new FailureExplainingHsmKey(token, pinSource.Description);
        try
        {
            KeyCertificateBinding.Require(key, certificate, options.Signing.CertificateFile);
        }
        catch
        {
            token.Dispose();
            module.Dispose();
            throw;
        }

        var method = SigningOptionsValidator.SignatureMethods[options.Signing.SignatureMethod];
        var validFor = XsDuration.Parse(options.Aggregate.ValidFor).Value;
        var verifier = new StrictVerifier(new VerificationOptions
        {
            PinnedCertificates = [certificate],
            AllowedSignatureMethods = new HashSet<string>(StringComparer.Ordinal) { method },
            MaxValidity = validFor > VerificationOptions.DefaultMaxValidity ? validFor + TimeSpan.FromMinutes(5) : VerificationOptions.DefaultMaxValidity,
        });
        var signer = new SelfCheckingSigner(
            new EnvelopedMetadataSigner(new HsmRsa(key), certificate, new SignatureProfile(method)), verifier);
        return new SigningComponents(module, token, key, certificate, signer, verifier);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _token.Dispose();
        _module.Dispose();
    }

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
