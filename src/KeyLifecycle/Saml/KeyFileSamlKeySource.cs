using System.Security.Cryptography;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Signer.Signing;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// The hub's SAML key kept on disk as a PEM file (the KMPS's flat file): refused unless only its owner can read it;
/// its certificate is signed with it here, in memory, and the key is never copied.
/// </summary>
/// <param name="path">The PEM private key (RSA or EC).</param>
public sealed class KeyFileSamlKeySource(string path) : ISamlKeySource
{
    /// <inheritdoc />
    public NewSamlKey Create(string entityId, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FedmdException(FailureKind.Configuration, $"--key-file {full} does not exist; name the hub's PEM private key");
        }

        KeyFilePermissions.RequireOwnerOnly(full, "--key-file");
        using var key = Load(File.ReadAllText(full), full);
        return new NewSamlKey(SelfSignedCertificate.Create(key, CertificateSubject.For(entityId), notBefore, lifetime), full);
    }

    private static AsymmetricAlgorithm Load(string pem, string full)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return ec;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
        }

        // The message never quotes the file: it holds a private key.
        throw new FedmdException(FailureKind.Configuration, $"--key-file {full} is not an unencrypted PEM RSA or EC private key");
    }
}
