using System.Security.Cryptography;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;

namespace Fedmd.Tests.Signer.Pkcs11;

/// <summary>
/// SoftHSM2 keeps one uninitialised slot and renumbers its slots whenever a token is initialised, so initialisers
/// running at once in one token directory (parallel test classes, two <c>keys init-dev-token</c>) meet.
/// </summary>
public sealed class ConcurrentTokenInitializationTests
{
    private const int Tokens = 12;

    [Fact]
    public void Many_tokens_created_at_once_in_one_token_directory_each_hold_their_own_key()
    {
        var keys = Enumerable.Range(0, Tokens).Select(_ => Fedmd.TestSupport.TestCertificates.CreateRsa("race")).ToList();
        using var start = new Barrier(Tokens);

        var tokens = keys.AsParallel().WithDegreeOfParallelism(Tokens).Select(k =>
        {
            start.SignalAndWait();
            return TestHsm.CreateToken("race", k.Key, k.Certificate);
        }).ToList();

        Assert.Equal(Tokens, tokens.Select(t => t.Label).Distinct(StringComparer.Ordinal).Count());
        var data = "which key signs"u8.ToArray();
        foreach (var token in tokens)
        {
            using var key = token.OpenKey();
            using var onToken = new HsmRsa(key, SignatureMethod.Default);
            Assert.Equal(token.Key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                onToken.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }
}
