using System.Security.Cryptography;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Recovery;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Fedmd.Tests.Signer.Recovery;

public sealed class PinFailureTests : IDisposable
{
    private const string WrongPin = "wrong-pin-9876";

    private static readonly TestToken Token = TestHsm.CreateToken("pin");

    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Wrong_pin_makes_exactly_one_login_attempt_per_run_and_never_locks_the_token()
    {
        for (var run = 0; run < 5; run++)
        {
            var pins = new CountingPinSource(new FilePinSource(PinFile(WrongPin)));
            using var token = new Pkcs11Key(TestHsm.Module, Pkcs11KeyUri.Parse(Token.KeyUriText), pins);
            var key = Chain(token, pins);

            var failure = Assert.Throws<FedmdException>(() => key.Sign(SignatureMethod.Default, DigestToSign()));

            Assert.Equal(FailureKind.Infrastructure, failure.Kind);
            Assert.Contains("CKR_PIN_INCORRECT", failure.Message, StringComparison.Ordinal);
            Assert.Contains("no retry was made", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongPin, failure.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, pins.Reads);
        }

        using var right = Token.OpenKey();
        Assert.True(Token.Key.VerifyHash(SHA256.HashData("metadata"u8), Chain(right, new FilePinSource(Token.PinFile)).Sign(SignatureMethod.Default, DigestToSign()),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void A_second_key_object_on_an_already_logged_in_token_treats_already_logged_in_as_success()
    {
        using var first = Token.OpenKey();
        using var second = Token.OpenKey();

        var one = first.Sign(SignatureMethod.Default, DigestToSign());
        var two = second.Sign(SignatureMethod.Default, DigestToSign());

        Assert.Equal(one, two);
    }

    public void Dispose() => _directory.Dispose();

    private static FailureExplainingHsmKey Chain(Pkcs11Key token, IPinSource pins) =>
        new FailureExplainingHsmKey(new RecoveringHsmKey(token, token, new RecoveryPolicy(5, new RecordingBackoff()), _ => { }), pins.Description);

    private static ITokenInfo TokenInfo() => TestHsm.Module.FindSlotByTokenLabel(Token.Label)!.GetTokenInfo();

    private static byte[] DigestToSign() => DigestInfo.Encode(HashAlgorithmName.SHA256, SHA256.HashData("metadata"u8));

    private string PinFile(string pin)
    {
        var path = _directory.Combine($"pin-{Guid.NewGuid():N}");
        File.WriteAllText(path, pin + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    /// <summary>Counts PIN reads: the key reads the PIN once for each C_Login it makes.</summary>
    private sealed class CountingPinSource(IPinSource inner) : IPinSource
    {
        public int Reads { get; private set; }

        public string Description => inner.Description;

        public Pin Read()
        {
            Reads++;
            return inner.Read();
        }
    }
}
