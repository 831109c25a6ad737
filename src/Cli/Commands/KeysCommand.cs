using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;

namespace Fedmd.Cli.Commands;

/// <summary><c>fedmd keys check</c> and <c>fedmd keys init-dev-token</c>.</summary>
internal static class KeysCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(TimeProvider clock)
    {
        var keys = new Command("keys", "Signing key operations");
        var check = new Command("check", "Make a test signature with the HSM key and verify it with the configured certificate");
        check.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            using var signing = SigningComponents.Open(options, TypedConfiguration.From(options), StateComponents.Open(options), clock, log);
            if (!TestSignatureVerifies(signing))
            {
                throw new FedmdException(FailureKind.Infrastructure, "the test signature does not verify with the configured certificate");
            }

            var fingerprint = CertificateFingerprint.Of(signing.Certificate, FingerprintAlgorithm.Sha256);
            log.Information("Key check passed for {KeyUri}", options.Signing.KeyUri);
            Console.Out.WriteLine($"OK: {Pkcs11KeyUri.Parse(options.Signing.KeyUri)} signs, and {options.Signing.CertificateFile} ({fingerprint.ToDisplayString()}) verifies it");
            return CommandExecution.Success;
        }));
        var init = new Command("init-dev-token", "Create the development SoftHSM2 token from keys-dev/ (development profile only; idempotent)");
        init.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var created = InitDevelopmentToken(options);
            log.Information(created ? "Development token created" : "Development token already in place");
            Console.Out.WriteLine(created ? "Development token created." : "Development token already in place.");
            return CommandExecution.Success;
        }));
        keys.Subcommands.Add(check);
        keys.Subcommands.Add(init);
        return keys;
    }

    /// <summary>Whether the token signs a random challenge so that the configured certificate verifies it.</summary>
    internal static bool TestSignatureVerifies(SigningComponents signing)
    {
        var challenge = RandomNumberGenerator.GetBytes(32);
        return signing.SigningKey switch
        {
            RSA rsa => VerifiesWith(signing.Certificate.GetRSAPublicKey(), key => key.VerifyData(
                challenge, rsa.SignData(challenge, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            ECDsa ecdsa => VerifiesWith(signing.Certificate.GetECDsaPublicKey(), key => key.VerifyData(
                challenge, ecdsa.SignData(challenge, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256)),
            _ => false,
        };
    }

    private static bool VerifiesWith<TKey>(TKey? publicKey, Func<TKey, bool> verify)
        where TKey : AsymmetricAlgorithm
    {
        using (publicKey)
        {
            return publicKey is not null && verify(publicKey);
        }
    }

    private static bool InitDevelopmentToken(FedmdOptions options)
    {
        if (!options.IsDevelopment)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"keys init-dev-token only runs in the development profile (this is '{options.Profile}'); production keys are generated on the HSM");
        }

        var uri = Pkcs11KeyUri.Parse(options.Signing.KeyUri);
        var keyFile = options.DevelopmentToken.KeyFile;
        if (!File.Exists(keyFile))
        {
            throw new FedmdException(FailureKind.Configuration, $"DevelopmentToken:KeyFile {keyFile} does not exist");
        }

        KeyFilePermissions.RequireOwnerOnly(keyFile, "private key file");
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(keyFile));
        using var certificate = CertificateFiles.LoadPem(options.Signing.CertificateFile, "Signing:CertificateFile");
        using var soPin = new FilePinSource(options.DevelopmentToken.SoPinFile).Read();
        using var userPin = SigningComponents.PinSourceOf(options.Signing).Read();
        using var module = Pkcs11Module.Load(uri.ModulePath);
        return new DevelopmentTokenInitializer(module).Ensure(
            uri.TokenLabel, uri.ObjectLabel ?? "metadata-signing", uri.ObjectId ?? [1], key, certificate, soPin, userPin);
    }
}
