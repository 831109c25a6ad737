using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;

namespace Fedmd.TestSupport.SoftHsm;

/// <summary>
/// A SoftHSM2 token directory of this test process's own, and the module loaded once for the process (a module can
/// be initialised only once, and SoftHSM2 reads its configuration at that moment). Each test class creates tokens
/// with labels of its own, so no two test collections share a token.
/// </summary>
public static class TestHsm
{
    /// <summary>Debian's SoftHSM2 module.</summary>
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";

    private static readonly Lazy<string> Configured = new(Configure);

    // Test classes create their tokens in parallel, and two that pick the same free slot would collide: one at a time.
    private static readonly Lock SlotGate = new();
    private static readonly Lazy<Pkcs11Module> LoadedModule = new(() =>
    {
        _ = Configured.Value;
        return Pkcs11Module.Load(ModulePath);
    });

    /// <summary>This process's token directory.</summary>
    public static string TokenDirectory => Path.Combine(Configured.Value, "tokens");

    /// <summary>The SoftHSM2 configuration file this process uses.</summary>
    public static string ConfigFile => Path.Combine(Configured.Value, "softhsm2.conf");

    /// <summary>The module, loaded on first use.</summary>
    public static Pkcs11Module Module => LoadedModule.Value;

    /// <summary>
    /// Creates a token holding <paramref name="key"/> (or a new 2048-bit key) with a self-signed certificate.
    /// The label gets a random suffix so that parallel test classes never meet.
    /// </summary>
    public static TestToken CreateToken(string labelPrefix, RSA? key = null, X509Certificate2? certificate = null)
    {
        var label = $"{labelPrefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        if (label.Length > 32)
        {
            throw new ArgumentException("PKCS#11 token labels hold at most 32 bytes", nameof(labelPrefix));
        }

        if (key is null || certificate is null)
        {
            (key, certificate) = TestCertificates.CreateRsa(label);
        }

        var directory = Directory.CreateTempSubdirectory("fedmd-token-").FullName;
        var token = new TestToken(label, "metadata-signing", key, certificate, directory);
        using var so = Pin.FromString(TestToken.SoPinValue);
        using var user = Pin.FromString(TestToken.UserPinValue);
        lock (SlotGate)
        {
            new DevelopmentTokenInitializer(Module).Ensure(label, token.KeyLabel, [1], key, certificate, so, user);
        }

        return token;
    }

    private static string Configure()
    {
        var root = Directory.CreateTempSubdirectory("fedmd-softhsm-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "tokens"));
        var config = Path.Combine(root, "softhsm2.conf");
        File.WriteAllText(config,
            $"directories.tokendir = {Path.Combine(root, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        NativeEnvironment.Set("SOFTHSM2_CONF", config);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the module may still hold files while the process exits.
            }
        };
        return root;
    }
}
