using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Pkcs11;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// The keys in <c>keys-dev/</c> are public: a configuration that is not the development profile must never use them,
/// whether named by path or copied elsewhere.
/// </summary>
internal static class DevelopmentKeyGuard
{
    /// <summary>Name of the development key folder.</summary>
    public const string FolderName = "keys-dev";

    /// <summary>Label of the development SoftHSM2 token.</summary>
    public const string DevelopmentTokenLabel = "fedmd-dev";

    /// <summary>
    /// SHA-256 of the SubjectPublicKeyInfo of <c>keys-dev/metadata-signing.crt</c>, compiled in so an installed program
    /// recognises the public development key without the checkout; a test keeps it equal to the file.
    /// </summary>
    public static readonly CertificateFingerprint DevelopmentPublicKey =
        CertificateFingerprint.Parse("SHA256:b41625959021797e1a5b9debb67497fd595dc2a80b6f88dcdc19fa92d02f0583");

    /// <summary>Throws a configuration failure when a non-development profile points at development key material.</summary>
    public static void Check(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsDevelopment)
        {
            return;
        }

        var paths = new (string Key, string? Path)[]
        {
            ("Signing:CertificateFile", options.Signing.CertificateFile),
            ("Signing:PinFile", options.Signing.PinFile),
        };
        foreach (var (key, path) in paths)
        {
            if (path is not null && IsUnderDevelopmentKeys(path))
            {
                throw new FedmdException(FailureKind.Configuration,
                    $"configuration {key}: {path} is development key material; profile '{options.Profile}' must use the production HSM's own certificate and PIN");
            }
        }

        if (Pkcs11KeyUri.Parse(options.Signing.KeyUri).TokenLabel == DevelopmentTokenLabel)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"configuration Signing:KeyUri: the development token is not allowed in profile '{options.Profile}'");
        }

        // Compared by public key, so a copy in another encoding or a re-issued certificate for the same key is caught.
        if (File.Exists(options.Signing.CertificateFile) && HoldsDevelopmentKey(options.Signing.CertificateFile))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"configuration Signing:CertificateFile: {options.Signing.CertificateFile} holds the public development metadata signing key from keys-dev/");
        }
    }

    private static bool IsUnderDevelopmentKeys(string path) =>
        Path.GetFullPath(path).Split(Path.DirectorySeparatorChar).Contains(FolderName, StringComparer.Ordinal);

    private static bool HoldsDevelopmentKey(string certificateFile)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificateFromFile(certificateFile);
            return CertificateFingerprint.OfPublicKey(certificate, FingerprintAlgorithm.Sha256).Equals(DevelopmentPublicKey);
        }
        catch (CryptographicException)
        {
            // Not a certificate at all: the signer reports that with its own message.
            return false;
        }
    }
}
