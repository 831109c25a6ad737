using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;

namespace Fedmd.TestSupport.SoftHsm;

/// <summary>A SoftHSM2 token made for one test class: its label, key, certificate and an owner-only PIN file.</summary>
public sealed class TestToken
{
    /// <summary>The user PIN of every test token (test data, not a secret).</summary>
    public const string UserPinValue = "test-user-1234";

    /// <summary>The SO PIN of every test token.</summary>
    public const string SoPinValue = "test-so-5678";

    internal TestToken(string label, string keyLabel, RSA key, X509Certificate2 certificate, string directory)
    {
        Label = label;
        KeyLabel = keyLabel;
        Key = key;
        Certificate = certificate;
        Directory = directory;
        PinFile = Path.Combine(directory, "user.pin");
        File.WriteAllText(PinFile, UserPinValue + "\n");
        File.SetUnixFileMode(PinFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        CertificateFile = TestCertificates.WritePem(certificate, Path.Combine(directory, "signer.crt"));
    }

    /// <summary>The token label.</summary>
    public string Label { get; }

    /// <summary>The key's label.</summary>
    public string KeyLabel { get; }

    /// <summary>The software copy of the key (tests only: production keys never leave the HSM).</summary>
    public RSA Key { get; }

    /// <summary>The key's certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A directory with the PIN file and the certificate.</summary>
    public string Directory { get; }

    /// <summary>An owner-only file holding <see cref="UserPinValue"/>.</summary>
    public string PinFile { get; }

    /// <summary>The certificate as a PEM file.</summary>
    public string CertificateFile { get; }

    /// <summary>The key's PKCS#11 URI.</summary>
    public string KeyUriText => $"pkcs11:token={Label};object={KeyLabel}?module-path={TestHsm.ModulePath}";

    /// <summary>The key on the token, reached with the PIN file.</summary>
    public Pkcs11Key OpenKey(IPinSource? pinSource = null) =>
        new(TestHsm.Module, Pkcs11KeyUri.Parse(KeyUriText), pinSource ?? new FilePinSource(PinFile));
}
