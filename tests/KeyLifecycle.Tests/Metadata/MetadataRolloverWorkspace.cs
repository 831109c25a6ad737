using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Fedmd.Tests.KeyLifecycle.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Tests.KeyLifecycle.Metadata;

/// <summary>
/// A fedmd installation for one test: a SoftHSM2 token holding the current key and, loaded the way an operator loads
/// a key generated offline, a second (next) key with its certificate in a PEM file; the repository's sample registry;
/// web root, state and logs in a temporary directory. Development profile with <c>Rollover:DualControl</c> false
/// unless the test asks for dual control, with alice and bob as the operators.
/// </summary>
internal sealed class MetadataRolloverWorkspace : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public MetadataRolloverWorkspace(bool dualControl = false)
    {
        Token = TestHsm.CreateToken("roll");
        Operators = new Operators(_directory.Combine("operators"), "alice", "bob");
        (NextKey, NextCertificate) = TestCertificates.CreateRsa("fedmd next metadata signer", 3072);
        LoadOnToken(Token.Label, "metadata-signing-next", [2], NextKey, NextCertificate);
        NextCertificateFile = TestCertificates.WritePem(NextCertificate, _directory.Combine("next.crt"));
        var configuration = WorkspaceConfiguration.Create(_directory, Token, "fedmd rollover test federation");
        configuration["Profile"] = "development";
        configuration["Signing"]!["AuditLog"] = AuditLogFile;
        configuration["Rollover"] = new JsonObject { ["DualControl"] = dualControl, ["AllowedSigners"] = Operators.AllowedSigners };
        WorkspaceConfiguration.Write(_directory, configuration);
    }

    public TestToken Token { get; }

    /// <summary>alice and bob, listed in the allowed_signers file the configuration names.</summary>
    public Operators Operators { get; }

    /// <summary>The hash-chained audit log, which records signings and key events.</summary>
    public string AuditLogFile => _directory.Combine("audit.jsonl");

    public RSA NextKey { get; }

    public X509Certificate2 NextCertificate { get; }

    public string NextCertificateFile { get; }

    public string ConfigFile => WorkspaceConfiguration.ConfigFile(_directory);

    public string RegistryDirectory => WorkspaceConfiguration.RegistryDirectory(_directory);

    public string PublishDirectory => WorkspaceConfiguration.PublishDirectory(_directory);

    public string StateDirectory => WorkspaceConfiguration.StateDirectory(_directory);

    public string StateFile => Path.Combine(RegistryDirectory, "rollover", "metadata-signing-key.json");

    /// <summary>A file of the web root.</summary>
    public string Published(string name) => Path.Combine(PublishDirectory, name);

    /// <summary>A path inside the workspace.</summary>
    public string Combine(string name) => _directory.Combine(name);

    /// <summary>The SHA-256 public-key pin of a certificate, as <c>fedmd fetch --fingerprint</c> takes it.</summary>
    public static string KeyPin(X509Certificate2 certificate) =>
        "SHA256:" + Convert.ToHexString(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public ToolResult Fedmd(params string[] arguments) => FedmdCli.Run(["--config", ConfigFile, .. arguments], timeout: TimeSpan.FromMinutes(3));

    /// <summary>Runs <c>fedmd run --once</c> and fails the test when it does not publish.</summary>
    public void Pass()
    {
        var result = Fedmd("run", "--once");
        Assert.True(result.ExitCode == 0, result.Output);
    }

    public void Dispose()
    {
        NextKey.Dispose();
        _directory.Dispose();
    }

    // What an operator does with a key generated on a master token: put the key pair and its certificate on this token.
    private static void LoadOnToken(string tokenLabel, string label, byte[] id, RSA key, X509Certificate2 certificate)
    {
        var slot = TestHsm.Module.FindSlotByTokenLabel(tokenLabel) ?? throw new InvalidOperationException($"token {tokenLabel} vanished");
        using var session = slot.OpenSession(SessionType.ReadWrite);
        try
        {
            session.Login(CKU.CKU_USER, Encoding.UTF8.GetBytes(TestToken.UserPinValue));
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // This process's other sessions hold the login.
        }

        var p = key.ExportParameters(includePrivateParameters: true);
        var f = TestHsm.Module.Factories.ObjectAttributeFactory;
        session.CreateObject(
        [
            f.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), f.Create(CKA.CKA_KEY_TYPE, CKK.CKK_RSA), f.Create(CKA.CKA_TOKEN, true),
            f.Create(CKA.CKA_PRIVATE, true), f.Create(CKA.CKA_SENSITIVE, true), f.Create(CKA.CKA_EXTRACTABLE, false), f.Create(CKA.CKA_SIGN, true),
            f.Create(CKA.CKA_LABEL, label), f.Create(CKA.CKA_ID, id),
            f.Create(CKA.CKA_MODULUS, p.Modulus), f.Create(CKA.CKA_PUBLIC_EXPONENT, p.Exponent), f.Create(CKA.CKA_PRIVATE_EXPONENT, p.D),
            f.Create(CKA.CKA_PRIME_1, p.P), f.Create(CKA.CKA_PRIME_2, p.Q), f.Create(CKA.CKA_EXPONENT_1, p.DP), f.Create(CKA.CKA_EXPONENT_2, p.DQ),
            f.Create(CKA.CKA_COEFFICIENT, p.InverseQ),
        ]);
        session.CreateObject(
        [
            f.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY), f.Create(CKA.CKA_KEY_TYPE, CKK.CKK_RSA), f.Create(CKA.CKA_TOKEN, true), f.Create(CKA.CKA_VERIFY, true),
            f.Create(CKA.CKA_LABEL, label), f.Create(CKA.CKA_ID, id), f.Create(CKA.CKA_MODULUS, p.Modulus), f.Create(CKA.CKA_PUBLIC_EXPONENT, p.Exponent),
        ]);
        session.CreateObject(
        [
            f.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), f.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509), f.Create(CKA.CKA_TOKEN, true),
            f.Create(CKA.CKA_LABEL, label), f.Create(CKA.CKA_ID, id), f.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData), f.Create(CKA.CKA_VALUE, certificate.RawData),
        ]);
    }
}
