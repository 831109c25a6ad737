using System.Security.Cryptography;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Recovery;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Tests.Signer.Recovery;

/// <summary>
/// SoftHSM2 faults against a token of this class's own. Recovery reloads the module, which would invalidate every
/// other test's sessions on the shared module, so these tests load a private copy of the SoftHSM2 library: a copy
/// is a separate file, so the dynamic loader gives it its own state, and reloading it touches no one else.
/// </summary>
public sealed class TokenFaultTests : IDisposable
{
    private static readonly TestToken Token = TestHsm.CreateToken("faults");

    private readonly TemporaryDirectory _directory = new();
    private readonly Pkcs11Module _module;

    public TokenFaultTests()
    {
        var copy = _directory.Combine("libsofthsm2-faults.so");
        File.Copy(TestHsm.ModulePath, copy);
        _module = Pkcs11Module.Load(copy);
    }

    [Fact]
    public void Removed_token_directory_fails_the_signing_and_it_recovers_once_the_directory_is_back()
    {
        using var token = new Pkcs11Key(_module, Pkcs11KeyUri.Parse(Token.KeyUriText), new FilePinSource(Token.PinFile));
        var backoff = new RecordingBackoff();
        var reports = new List<string>();
        var key = new RecoveringHsmKey(token, token, new RecoveryPolicy(3, backoff), reports.Add);
        Assert.True(SignatureVerifies(key.Sign(SignatureMethod.Default, DigestToSign())));
        backoff.Waits.Clear();
        reports.Clear();

        var directory = TokenDirectoryOf(Token.Label);
        var aside = _directory.Combine("removed-token");
        Directory.Move(directory, aside);
        Pkcs11Exception failure;
        try
        {
            failure = Assert.Throws<Pkcs11Exception>(() => key.Sign(SignatureMethod.Default, DigestToSign()));
        }
        finally
        {
            Directory.Move(aside, directory);
        }

        Assert.True(RecoveryPolicy.IsRecoverable(failure.RV), $"{failure.RV} should be a recoverable failure");
        Assert.Equal([1, 2, 3], backoff.Waits);
        Assert.Equal(3, reports.Count);
        Assert.True(SignatureVerifies(key.Sign(SignatureMethod.Default, DigestToSign())));
    }

    [Fact]
    public void Token_directory_replaced_by_an_empty_one_fails_and_recovers_when_the_original_returns()
    {
        using var token = new Pkcs11Key(_module, Pkcs11KeyUri.Parse(Token.KeyUriText), new FilePinSource(Token.PinFile));
        var key = new RecoveringHsmKey(token, token, new RecoveryPolicy(2, new RecordingBackoff()), _ => { });
        Assert.True(SignatureVerifies(key.Sign(SignatureMethod.Default, DigestToSign())));

        var directory = TokenDirectoryOf(Token.Label);
        var aside = _directory.Combine("original-token");
        Directory.Move(directory, aside);
        Directory.CreateDirectory(directory);
        try
        {
            Assert.Throws<Pkcs11Exception>(() => key.Sign(SignatureMethod.Default, DigestToSign()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            Directory.Move(aside, directory);
        }

        Assert.True(SignatureVerifies(key.Sign(SignatureMethod.Default, DigestToSign())));
    }

    public void Dispose()
    {
        _module.Dispose();
        _directory.Dispose();
    }

    private static byte[] DigestToSign() => DigestInfo.Encode(HashAlgorithmName.SHA256, SHA256.HashData("metadata"u8));

    private static bool SignatureVerifies(byte[] signature) =>
        Token.Key.VerifyHash(SHA256.HashData("metadata"u8), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>SoftHSM2 keeps each token in a directory of its own whose token.object holds the label in clear.</summary>
    private static string TokenDirectoryOf(string label)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(label);
        return Directory.GetDirectories(TestHsm.TokenDirectory).Single(d =>
            File.Exists(Path.Combine(d, "token.object")) &&
            File.ReadAllBytes(Path.Combine(d, "token.object")).AsSpan().IndexOf(bytes) >= 0);
    }
}
